/* UserVoice (https://help.uservoice.com/hc/en-us/articles/360062340693): UserVoice.push(
 * ['set', {sso}]) before the widget launches, on the queue UserVoice's snippet starts. */
FeedbackSSO.define("uservoice", function (data, core) {
  var queue = core.pageObject("UserVoice") || (window.UserVoice = []);
  if (data.token) {
    queue.push(["set", { sso: data.token }]);
  }
  return data.widgetSrc && core.load(data.widgetSrc);
});
