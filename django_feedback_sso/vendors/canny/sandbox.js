{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://developers.canny.io/install/widget/sso: the page calls
  // Canny('render', {boardToken, basePath, ssoToken}); until sdk.js loads, Canny's install
  // snippet queues the calls on Canny.q. The SDK replays the queue, then takes calls.
  function render(options) {
    options = options || {};
    var panel = new Panel("render", "Canny('render', {ssoToken})");
    panel.actions.appendChild(element("p", {}, "Board " + String(options.boardToken)));
    signIn(panel, options.ssoToken);
  }
  function canny(command, options) {
    if (command === "render") {
      render(options);
    }
  }
  var queued = (typeof window.Canny === "function" && window.Canny.q) || [];
  window.Canny = canny;
  Array.prototype.forEach.call(queued, function (call) { canny(call[0], call[1]); });
{% endblock %}
