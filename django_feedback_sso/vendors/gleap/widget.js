/* Gleap (https://docs.gleap.io/documentation/guides/enforce-identity-verification): the SDK,
 * Gleap.initialize(API_KEY), then Gleap.identify(userId, {name, email}, userHash). */
FeedbackSSO.define("gleap", function (data, core) {
  return core.load(data.widgetSrc).then(function () {
    var gleap = window.Gleap;
    gleap.initialize(data.apiKey);
    if (data.token) {
      var user = {};
      ["name", "email"].forEach(function (name) {
        if (data[name]) {
          user[name] = data[name];
        }
      });
      gleap.identify(data.userId, user, data.token);
    }
  });
});
