/* BoostGPT in a single-page app: once widget.js is there, BoostGPTWidget.init({botId,
 * userToken}) (https://docs.boostgpt.co/saas/chat-widget/sso), or boostgpt.init as the
 * API reference names it (https://docs.boostgpt.co/saas/chat-widget/api-reference). */
FeedbackSSO.define("boostgpt", function (data, core) {
  var init = function () {
    return core.lookUp("BoostGPTWidget.init") || core.lookUp("boostgpt.init");
  };
  return Promise.all([
    core.fetchToken(data.tokenUrl),
    core.waitFor(init, "BoostGPT's widget", "(neither window.BoostGPTWidget nor " +
      "window.boostgpt appeared); load widget.js (https://embed.boostgpt.co/widget.js) on " +
      "this page.")
  ]).then(function (ready) {
    var options = { botId: data.botId };
    if (ready[0]) {
      options.userToken = ready[0];
    }
    ready[1](options);
  });
});
