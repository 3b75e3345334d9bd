/* Pylon (https://docs.usepylon.com/pylon-docs/chat-widget/identity-verification):
 * window.pylon = {chat_settings: {app_id, email, name, email_hash}}, then the widget, with
 * the Pylon() queue its snippet sets up (docs.usepylon.com/pylon-docs/chat-widget/chat-setup). */
FeedbackSSO.define("pylon", function (data, core) {
  // Keeps what the page put there (avatar_url …) but never a previous user's identity.
  var page = core.pageObject("pylon") || {};
  var settings = Object.assign({}, page.chat_settings, { app_id: data.appId });
  ["email", "name", "email_hash"].forEach(function (name) { delete settings[name]; });
  if (data.token) {
    settings.email = data.email;
    if (data.name) {
      settings.name = data.name;
    }
    settings.email_hash = data.token;
  }
  window.pylon = Object.assign(page, { chat_settings: settings });
  if (typeof window.Pylon !== "function") {
    var stub = function () { stub.e(arguments); };
    stub.q = [];
    stub.e = function (args) { stub.q.push(args); };
    window.Pylon = stub;
  }
  return core.load(data.widgetSrc);
});
