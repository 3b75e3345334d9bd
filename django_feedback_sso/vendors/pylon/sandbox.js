{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // Pylon's widget reads window.pylon.chat_settings = {app_id, email, name, email_hash}
  // when it loads (https://docs.usepylon.com/pylon-docs/chat-widget/chat-setup) and
  // recomputes email_hash from the email with the hex-decoded secret
  // (https://docs.usepylon.com/pylon-docs/chat-widget/identity-verification). Its
  // JavaScript API (window.Pylon("show") …) has no call that forgets the user.
  var settings = (window.pylon && window.pylon.chat_settings) || {};
  var panel = new Panel("chat_settings", "window.pylon.chat_settings.email_hash");
  panel.actions.appendChild(element("p", {}, "App " + String(settings.app_id)));
  if (settings.email_hash) {
    var identity = { email: settings.email };
    if (settings.name) {
      identity.name = settings.name;
    }
    signIn(panel, settings.email_hash, identity);
  } else {
    panel.recall("no chat_settings.email_hash");
  }
  var queued = typeof window.Pylon === "function" && window.Pylon.q ? window.Pylon.q : [];
  window.Pylon = function (command) {
    panel.actions.appendChild(element("p", {}, "Pylon(" + JSON.stringify(String(command)) + ")"));
  };
  queued.forEach(function (args) { window.Pylon.apply(null, args); });
{% endblock %}
