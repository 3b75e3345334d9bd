{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://developer.helpscout.com/beacon-2/web/javascript-api/: Beacon('init', id) loads
  // the Beacon; https://developer.helpscout.com/beacon-2/web/secure-mode/: then
  // Beacon('identify', {name, email, signature}), the signature being the HMAC of the email
  // that Help Scout recomputes with its copy of the Beacon's secret key. Until the loader
  // runs, calls wait in Beacon.readyQueue as {method, options, data}. Beacon('logout',
  // {endActiveChat: true}) clears the user's details (Help Scout's Android SDK docs; public
  // integrations): otherwise the Beacon remembers them.
  var panel = new Panel("identify", "Beacon('identify', {name, email, signature})");
  var told = false;  // identified, or logged out: nothing to recall
  function beacon(method, options) {
    options = options || {};
    if (method === "init") {
      panel.actions.appendChild(element("p", {}, "Beacon " + String(options)));
    } else if (method === "identify") {
      told = true;
      // What Help Scout gets beside the signature, as it gets it.
      var identity = {};
      ["email", "name"].forEach(function (name) {
        if (options[name] !== undefined) {
          identity[name] = options[name];
        }
      });
      signIn(panel, options.signature, identity);
    } else if (method === "logout") {
      told = true;
      panel.forget("Beacon('logout', " + JSON.stringify(options) + ")");
    }
  }
  var queued = typeof window.Beacon === "function" && window.Beacon.readyQueue ?
    window.Beacon.readyQueue : [];
  queued.forEach(function (call) { beacon(call.method, call.options); });
  if (!told) {
    panel.recall("no Beacon('identify')");
  }
  window.Beacon = beacon;
{% endblock %}
