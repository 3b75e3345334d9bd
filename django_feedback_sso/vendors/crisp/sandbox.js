{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // Crisp's chatbox loader (l.js) reads window.CRISP_WEBSITE_ID and runs the commands the
  // page queued in the window.$crisp array, then takes $crisp.push(command) directly.
  // ["set", "user:email", [email, signature]] sets a verified email: Crisp recomputes the
  // signature from the email (https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/
  // identity-verification); ["set", "user:nickname", [nickname]] the name, unsigned;
  // ["do", "session:reset"] forgets the user (help.crisp.chat, how to reset a Crisp
  // conversation when users log out).
  var panel = new Panel("user:email", "$crisp.push([\"set\", \"user:email\", [email, signature]])");
  panel.actions.appendChild(element("p", {}, "Website " + String(window.CRISP_WEBSITE_ID)));
  var nickname = null;
  function run(command) {
    var args = Array.isArray(command) && Array.isArray(command[2]) ? command[2] : [];
    if (command[0] === "set" && command[1] === "user:nickname") {
      nickname = args[0];
    } else if (command[0] === "set" && command[1] === "user:email") {
      var identity = { email: args[0] };
      if (nickname) {
        identity.nickname = nickname;
      }
      signIn(panel, args[1], identity);
    } else if (command[0] === "do" && command[1] === "session:reset") {
      nickname = null;
      panel.forget("$crisp.push([\"do\", \"session:reset\"])");
    }
  }
  var queued = Array.isArray(window.$crisp) ? window.$crisp : [];
  var signed = queued.some(function (command) { return command && command[1] === "user:email"; });
  if (!signed) {
    panel.recall("no user:email was set");
  }
  window.$crisp = { push: function (command) { run(command || []); } };
  queued.forEach(function (command) { run(command || []); });
{% endblock %}
