/* Zendesk Messaging
 * (https://developer.zendesk.com/api-reference/widget-messaging/web/authentication): once
 * zE is there, zE("messenger", "loginUser", callback). Zendesk calls it whenever it
 * needs a token and refuses an expired one, so each call gets a fresh one. */
FeedbackSSO.define("zendesk_messaging", function (data, core) {
  var FRESH_MS = 30000;  // how long the token that decided to sign in may stand for a fresh one
  var zE = function () { return core.lookUp("zE"); };
  return Promise.all([core.fetchToken(data.tokenUrl),
                      core.waitFor(zE, "Zendesk's Web Widget", "(no window.zE).")])
    .then(function (ready) {
      var first = ready[0];
      var fetchedAt = Date.now();
      if (!first) {
        return;  // no token for this user: the widget stays anonymous
      }
      ready[1]("messenger", "loginUser", function (callback) {
        var token = first && Date.now() - fetchedAt < FRESH_MS ? first : null;
        first = null;
        (token ? Promise.resolve(token) : core.fetchToken(data.tokenUrl)).then(function (fresh) {
          if (fresh) {
            callback(fresh);
          } else {
            window.zE("messenger", "logoutUser");  // signed out meanwhile
          }
        });
      });
    });
});
