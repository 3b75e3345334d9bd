{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://developers.intercom.com/installing-intercom/docs/enable-identity-verification-on-your-web-product:
  // the Messenger boots from window.intercomSettings = {app_id, user_id, email, name,
  // user_hash} and recomputes user_hash, the HMAC of user_id, with its copy of the secret.
  // https://developers.intercom.com/installing-intercom/docs/intercom-javascript: later
  // calls are Intercom('update', settings), Intercom('shutdown'), which ends the session
  // (Intercom's cookie would keep the user for a week), and Intercom('boot', settings).
  var messenger;
  function identity(settings) {  // what the Messenger sends Intercom beside the hash
    var sent = {};
    ["user_id", "email", "name"].forEach(function (name) {
      if (settings[name] !== undefined && settings[name] !== null) {
        sent[name] = String(settings[name]);
      }
    });
    return sent;
  }
  function boot(via, label, settings) {
    messenger = new Panel(via, label);
    messenger.actions.appendChild(element("p", {}, "App " + String(settings.app_id)));
    if (settings.user_hash) {
      signIn(messenger, settings.user_hash, identity(settings));
    } else {
      messenger.recall("no user_hash");
    }
    return { user_id: settings.user_id, user_hash: settings.user_hash };
  }
  var booted = boot("intercomSettings", "window.intercomSettings.user_hash",
                    window.intercomSettings || {});
  function intercom(command, options) {
    if (command === "boot") {
      booted = boot("boot", "Intercom('boot', {user_id, user_hash})", options || {});
    } else if (command === "update" && options && options.user_hash &&
        (options.user_hash !== booted.user_hash || options.user_id !== booted.user_id)) {
      booted = { user_id: options.user_id, user_hash: options.user_hash };
      signIn(new Panel("update", "Intercom('update', {user_id, user_hash})"),
        options.user_hash, identity(options));
    } else if (command === "shutdown") {
      messenger.forget("Intercom('shutdown')");
    }
  }
  var queued = typeof window.Intercom === "function" && window.Intercom.q ? window.Intercom.q : [];
  queued.forEach(function (args) { intercom(args[0], args[1]); });
  window.Intercom = intercom;
{% endblock %}
