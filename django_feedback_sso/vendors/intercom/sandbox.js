{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://developers.intercom.com/installing-intercom/web/identity-verification: the
  // Messenger boots from window.intercomSettings = {app_id, intercom_user_jwt}, then runs
  // what the snippet's Intercom() stub queued in Intercom.q.
  // https://developers.intercom.com/installing-intercom/docs/intercom-javascript: later
  // calls are Intercom('update', settings), Intercom('shutdown'), which ends the session
  // (Intercom's cookie would keep the user for a week), and Intercom('boot', settings).
  // Each boot is a panel, reading the settings as they are then; shutdown signs it out.
  var messenger;
  function boot(via, label, settings) {
    messenger = new Panel(via, label);
    messenger.actions.appendChild(element("p", {}, "App " + String(settings.app_id)));
    if (settings.intercom_user_jwt) {
      signIn(messenger, settings.intercom_user_jwt);
    } else {
      messenger.recall("no intercom_user_jwt");
    }
    return { app_id: settings.app_id, intercom_user_jwt: settings.intercom_user_jwt };
  }
  var booted = boot("intercomSettings", "window.intercomSettings.intercom_user_jwt",
                    window.intercomSettings || {});
  function intercom(command, options) {
    if (command === "boot") {
      booted = boot("boot", "Intercom('boot', {intercom_user_jwt})", options || {});
    } else if (command === "update" && options && options.intercom_user_jwt &&
        options.intercom_user_jwt !== booted.intercom_user_jwt) {
      booted.intercom_user_jwt = options.intercom_user_jwt;
      signIn(new Panel("update", "Intercom('update', {intercom_user_jwt})"),
        options.intercom_user_jwt);
    } else if (command === "shutdown") {
      messenger.forget("Intercom('shutdown')");
    }
  }
  var queued = typeof window.Intercom === "function" && window.Intercom.q ? window.Intercom.q : [];
  queued.forEach(function (args) { intercom(args[0], args[1]); });
  window.Intercom = intercom;
{% endblock %}
