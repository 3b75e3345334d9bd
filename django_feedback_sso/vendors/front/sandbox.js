{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://dev.frontapp.com/docs/chat-sdk-reference: once chat.bundle.js has run,
  // window.FrontChat('init', {chatId, useDefaultLauncher, email, name, userHash}) starts the
  // chat; https://dev.frontapp.com/docs/identify-users: Front recomputes userHash, the HMAC
  // of the email, with its copy of the verification secret. FrontChat('identity', {email,
  // name, userHash}) identifies later. FrontChat('shutdown', {clearSession: true}) removes
  // the session's cookies and the identity; otherwise the chat remembers the user.
  var panel = null;
  function identify(options) {
    // What Front gets beside the hash, as it gets it.
    var identity = {};
    ["email", "name"].forEach(function (name) {
      if (options[name] !== undefined) {
        identity[name] = options[name];
      }
    });
    signIn(panel, options.userHash, identity);
  }
  window.FrontChat = function (command, options) {
    options = options || {};
    if (command === "init") {
      panel = new Panel("init", "FrontChat('init', {chatId, email, name, userHash})");
      panel.actions.appendChild(element("p", {}, "Chat " + String(options.chatId)));
      if (options.userHash) {
        identify(options);
      } else {
        panel.recall("no userHash");
      }
    } else if (command === "identity" && panel) {
      identify(options);
    } else if (command === "shutdown" && panel && options.clearSession) {
      panel.forget("FrontChat('shutdown', " + JSON.stringify(options) + ")");
    }
  };
{% endblock %}
