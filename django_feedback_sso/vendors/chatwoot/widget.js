/* Chatwoot (https://www.chatwoot.com/docs/product/channels/live-chat/sdk/identity-validation):
 * the SDK, chatwootSDK.run({websiteToken, baseUrl}), then on chatwoot:ready
 * $chatwoot.setUser(identifier, {email, name, identifier_hash}). */
FeedbackSSO.define("chatwoot", function (data, core) {
  function setUser() {
    // setUser throws without one of avatar_url, email, name: the name is always there.
    var user = { identifier_hash: data.token };
    ["email", "name"].forEach(function (name) {
      if (data[name]) {
        user[name] = data[name];
      }
    });
    window.$chatwoot.setUser(data.identifier, user);
  }
  if (data.token) {
    if (window.$chatwoot && window.$chatwoot.hasLoaded) {
      setUser();  // the page's own snippet ran the widget already
    } else {
      window.addEventListener("chatwoot:ready", setUser, { once: true });
    }
  }
  if (window.chatwootSDK && window.$chatwoot) {
    return null;
  }
  return core.load(data.widgetSrc).then(function () {
    window.chatwootSDK.run({ websiteToken: data.websiteToken, baseUrl: data.baseUrl });
  });
});
