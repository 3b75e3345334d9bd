/* Channel Talk (https://developers.channel.io/docs/member-hash): ChannelIO('boot',
 * {pluginKey, memberId, memberHash, profile: {name, email}}) through Channel's queue stub,
 * then the plugin (developers.channel.io/reference/web-quickstart-kr). A page that renders
 * the tag again (a single-page app) shuts the plugin down first: another user, or none. */
FeedbackSSO.define("channelio", function (data, core) {
  var options = { pluginKey: data.pluginKey };
  if (data.token) {
    options.memberId = data.memberId;
    options.memberHash = data.token;
    options.profile = {};
    if (data.name) options.profile.name = data.name;
    if (data.email) options.profile.email = data.email;
  }
  if (typeof window.ChannelIO === "function") {
    window.ChannelIO("shutdown");
  } else {
    var stub = function () { stub.c(arguments); };
    stub.q = [];
    stub.c = function (args) { stub.q.push(args); };
    window.ChannelIO = stub;
  }
  window.ChannelIO("boot", options);
  if (window.ChannelIOInitialized) {
    return null;
  }
  window.ChannelIOInitialized = true;
  return core.load(data.widgetSrc);
});
