{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://developers.intercom.com/installing-intercom/web/identity-verification: the
  // Messenger boots from window.intercomSettings = {app_id, intercom_user_jwt}, runs what
  // the snippet's Intercom() stub queued in Intercom.q, and takes
  // Intercom('update', {intercom_user_jwt}) later.
  var settings = window.intercomSettings || {};
  var panel = new Panel("intercomSettings", "window.intercomSettings.intercom_user_jwt");
  panel.actions.appendChild(element("p", {}, "App " + String(settings.app_id)));
  if (settings.intercom_user_jwt) {
    signIn(panel, settings.intercom_user_jwt);
  } else {
    panel.anonymous("no intercom_user_jwt in window.intercomSettings");
  }
  function intercom(command, options) {
    if (command === "update" && options && options.intercom_user_jwt &&
        options.intercom_user_jwt !== settings.intercom_user_jwt) {
      signIn(new Panel("update", "Intercom('update', {intercom_user_jwt})"),
        options.intercom_user_jwt);
    } else if (command === "shutdown") {
      new Panel("shutdown", "Intercom('shutdown')").anonymous("shut down");
    }
  }
  var queued = typeof window.Intercom === "function" && window.Intercom.q ? window.Intercom.q : [];
  queued.forEach(function (args) { intercom(args[0], args[1]); });
  window.Intercom = intercom;
{% endblock %}
