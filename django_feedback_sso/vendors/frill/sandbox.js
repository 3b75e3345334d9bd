{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://developers.frill.co/frill-script/identifying-users: the Frill Script takes over
  // window.Frill, runs the calls its snippet's stub queued in Frill.q (each
  // {params: [command, options], resolve, reject}), and answers Frill('container',
  // {key, ssoToken}), Frill('identify', {ssoToken}) and Frill('unidentify') from then on.
  var panel = null;
  function run(command, options) {
    options = options || {};
    if (command === "unidentify") {
      (panel || new Panel("unidentify", "Frill('unidentify')")).forget("Frill('unidentify')");
      return Promise.resolve(null);
    }
    if (command === "container") {
      panel = new Panel("container", "Frill('container', {key, ssoToken})");
      panel.actions.appendChild(element("p", {}, "Script key " + String(options.key)));
    } else if (command === "identify") {
      panel = new Panel("identify", "Frill('identify', {ssoToken})");
    } else {
      return Promise.resolve(null);
    }
    if (!options.ssoToken) {
      panel.recall("no token");
      return Promise.resolve(null);
    }
    return signIn(panel, options.ssoToken);
  }
  function widget() {
    return { destroy: function () {} };
  }
  var queued = typeof window.Frill === "function" && window.Frill.q ? window.Frill.q : {};
  window.Frill = function (command, options) {
    return run(command, options).then(widget);
  };
  Object.keys(queued).forEach(function (id) {
    var call = queued[id];
    run(call.params[0], call.params[1]).then(function () { call.resolve(widget()); });
  });
{% endblock %}
