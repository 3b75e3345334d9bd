{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // Chatwoot's SDK (chatwoot/chatwoot app/javascript/entrypoints/sdk.js): chatwootSDK.run(
  // {websiteToken, baseUrl}) sets window.$chatwoot and, once the widget has loaded,
  // dispatches chatwoot:ready on window. $chatwoot.setUser(identifier, user) throws unless
  // the identifier is a string or a number and the user has one of avatar_url, email, name;
  // Chatwoot then checks user.identifier_hash against the HMAC of String(identifier)
  // (https://www.chatwoot.com/docs/product/channels/live-chat/sdk/identity-validation).
  // $chatwoot.reset() forgets the user ("reset the session when the user logs out").
  var panel = null;
  function setUser(identifier, user) {
    if (typeof identifier !== "string" && typeof identifier !== "number") {
      throw new Error("Identifier should be a string or a number");
    }
    if (!user || !(user.avatar_url || user.email || user.name)) {
      throw new Error("User object should have one of the keys [avatar_url, email, name]");
    }
    // What the widget sends Chatwoot: the identifier as text (the server's .to_s).
    var identity = { identifier: String(identifier) };
    ["email", "name", "avatar_url"].forEach(function (name) {
      if (user[name]) {
        identity[name] = user[name];
      }
    });
    signIn(panel, user.identifier_hash, identity);
  }
  window.chatwootSDK = {
    run: function (options) {
      panel = new Panel("setUser", "$chatwoot.setUser(identifier, {identifier_hash})");
      panel.actions.appendChild(element("p", {}, "Inbox " + String(options && options.websiteToken)));
      panel.recall("the page has not called setUser");
      window.$chatwoot = {
        hasLoaded: false,
        setUser: setUser,
        reset: function () { panel.forget("$chatwoot.reset()"); }
      };
      setTimeout(function () {
        window.$chatwoot.hasLoaded = true;
        window.dispatchEvent(new Event("chatwoot:ready"));
      }, 0);
    }
  };
{% endblock %}
