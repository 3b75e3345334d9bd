{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://docs.boostgpt.co/saas/chat-widget/sso: the loader reads data-bot-id and
  // data-user-token off its own <script>, or the page calls
  // BoostGPTWidget.init({botId, userToken}); the API reference
  // (https://docs.boostgpt.co/saas/chat-widget/api-reference) names the same call
  // boostgpt.init({botId, userToken, …}). BoostGPT ignores a bad token silently (the
  // visitor stays anonymous); the sandbox says why instead.
  function start(via, label, botId, token) {
    var panel = new Panel(via, label);
    panel.actions.appendChild(element("p", {}, "Bot " + String(botId)));
    signIn(panel, token);
  }
  window.BoostGPTWidget = {
    init: function (options) {
      options = options || {};
      start("init", "BoostGPTWidget.init({botId, userToken})", options.botId, options.userToken);
    }
  };
  window.boostgpt = {
    init: function (options) {
      options = options || {};
      start("boostgpt.init", "boostgpt.init({botId, userToken})", options.botId,
        options.userToken);
    }
  };
  if (ownScript && ownScript.dataset.botId) {
    start("data-user-token", "data-user-token", ownScript.dataset.botId,
      ownScript.dataset.userToken);
  }
{% endblock %}
