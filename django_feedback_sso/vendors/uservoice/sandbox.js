{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://help.uservoice.com/hc/en-us/articles/360062340693: the widget runs what the page
  // queued in window.UserVoice; UserVoice.push(['set', {sso: TOKEN}]) signs the user in.
  function command(call) {
    if (call && call[0] === "set" && call[1] && "sso" in call[1]) {
      signIn(new Panel("set-sso", "UserVoice.push(['set', {sso}])"), call[1].sso);
      return true;
    }
    return false;
  }
  var queued = Array.isArray(window.UserVoice) ? window.UserVoice : [];
  var signedIn = queued.map(command).indexOf(true) !== -1;
  if (!signedIn) {
    new Panel("set-sso", "UserVoice.push(['set', {sso}])").anonymous("no sso was set");
  }
  window.UserVoice = { push: command };
{% endblock %}
