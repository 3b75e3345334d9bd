{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://developers.channel.io/reference/web-quickstart-kr: the plugin runs what
  // Channel's stub queued in ChannelIO.q, then takes ChannelIO('boot', {pluginKey, memberId,
  // memberHash, profile}) and ChannelIO('shutdown') ("Shutdown channel plugin",
  // developers.channel.io/docs/web-channel-io). https://developers.channel.io/docs/member-hash:
  // Channel recomputes memberHash from memberId with the hex-decoded secret.
  var plugin = null;
  function boot(options) {
    options = options || {};
    var profile = options.profile || {};
    plugin = new Panel("boot", "ChannelIO('boot', {memberId, memberHash})");
    plugin.actions.appendChild(element("p", {}, "Plugin " + String(options.pluginKey)));
    if (!options.memberHash) {
      plugin.recall("no memberHash");
      return;
    }
    var identity = { memberId: String(options.memberId) };
    ["name", "email"].forEach(function (name) {
      if (profile[name] !== undefined && profile[name] !== null) {
        identity[name] = String(profile[name]);
      }
    });
    signIn(plugin, options.memberHash, identity);
  }
  function channelIO(command, options) {
    if (command === "boot") {
      boot(options);
    } else if (command === "shutdown") {
      (plugin || new Panel("boot", "ChannelIO('shutdown')")).forget("ChannelIO('shutdown')");
    }
  }
  var queued = typeof window.ChannelIO === "function" && window.ChannelIO.q ? window.ChannelIO.q : [];
  window.ChannelIO = channelIO;
  queued.forEach(function (args) { channelIO(args[0], args[1]); });
{% endblock %}
