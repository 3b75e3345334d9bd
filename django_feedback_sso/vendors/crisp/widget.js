/* Crisp (https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/identity-verification): the
 * nickname, then the email with its signature, queued on $crisp (crisp-sdk-web
 * src/user.ts), then CRISP_WEBSITE_ID and the chatbox loader, as Crisp's snippet does. */
FeedbackSSO.define("crisp", function (data, core) {
  // Before l.js runs, $crisp is the snippet's plain array; after, Crisp's object: both push.
  var crisp = core.pageObject("$crisp") || (window.$crisp = []);
  if (data.token) {
    if (data.nickname) {
      crisp.push(["set", "user:nickname", [data.nickname]]);
    }
    crisp.push(["set", "user:email", [data.email, data.token]]);
  }
  window.CRISP_WEBSITE_ID = data.websiteId;
  return core.load(data.widgetSrc);
});
