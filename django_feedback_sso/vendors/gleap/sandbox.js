{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // Gleap's SDK (https://docs.gleap.io/javascript/user-identity): Gleap.initialize(apiKey),
  // Gleap.identify(userId, {name, email, ...}, userHash), which Gleap checks against the
  // HMAC of the user id as a string ("Gleap handles the userId as STRING",
  // https://docs.gleap.io/documentation/guides/enforce-identity-verification), and
  // Gleap.clearIdentity(), which detaches the session and starts a guest's. Gleap's install
  // snippet queues calls in window.GleapActions ({e: method, a: arguments}) until the SDK
  // has loaded; it runs them.
  var panel = new Panel("identify", "Gleap.identify(userId, {name, email}, userHash)");
  panel.recall("the page has not called identify");
  var gleap = {
    initialize: function (apiKey) {
      panel.actions.appendChild(element("p", {}, "Project " + String(apiKey)));
    },
    identify: function (userId, data, userHash) {
      var identity = { userId: String(userId) };
      ["name", "email"].forEach(function (name) {
        if (data && data[name]) {
          identity[name] = data[name];
        }
      });
      signIn(panel, userHash, identity);
    },
    clearIdentity: function () { panel.forget("Gleap.clearIdentity()"); }
  };
  (window.GleapActions || []).forEach(function (action) {
    if (typeof gleap[action.e] === "function") {
      gleap[action.e].apply(null, action.a);
    }
  });
  window.Gleap = gleap;
{% endblock %}
