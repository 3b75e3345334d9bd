{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://help.featurebase.app/articles/0874531: Featurebase("initialize_feedback_widget",
  // {organization, jwtToken}); until sdk.js loads, the install snippet queues calls on
  // Featurebase.q. The SDK replays the queue, then takes calls.
  function initialize(options) {
    options = options || {};
    var panel = new Panel("jwtToken", "Featurebase('initialize_feedback_widget', {jwtToken})");
    panel.actions.appendChild(element("p", {}, "Organization " + String(options.organization)));
    signIn(panel, options.jwtToken);
  }
  function featurebase(command, options) {
    if (command === "initialize_feedback_widget") {
      initialize(options);
    }
  }
  var queued = (typeof window.Featurebase === "function" && window.Featurebase.q) || [];
  window.Featurebase = featurebase;
  Array.prototype.forEach.call(queued, function (call) { featurebase(call[0], call[1]); });
{% endblock %}
