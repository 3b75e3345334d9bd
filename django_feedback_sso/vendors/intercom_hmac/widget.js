/* Intercom identity verification (docs: spec.py): intercomSettings = {app_id, user_id,
 * email, name, user_hash}, then the Messenger as Intercom's snippet starts it. Once it
 * runs, the same user is an update; another, or none, shutdown then boot. */
FeedbackSSO.define("intercom_hmac", function (data, core) {
  var USER = ["user_id", "email", "name", "user_hash"];
  var user = data.token ? { user_id: data.userId, email: data.email, name: data.name,
                            user_hash: data.token } : {};
  var settings = core.pageObject("intercomSettings") || {};
  var before = settings.user_id === undefined ? undefined : String(settings.user_id);
  settings.app_id = data.appId;
  USER.forEach(function (name) {  // none of a previous user's (a page rendered again)
    if (user[name]) {
      settings[name] = user[name];
    } else {
      delete settings[name];
    }
  });
  // A page that assigns intercomSettings after the tag keeps the user and the hash.
  core.keep("intercomSettings", function (value) {
    if (user.user_hash && !value.user_hash) {
      USER.forEach(function (name) { if (user[name]) value[name] = user[name]; });
    }
  });
  window.intercomSettings = settings;
  if (typeof window.Intercom !== "function") {
    var stub = function () { stub.c(arguments); };
    stub.q = [];
    stub.c = function (args) { stub.q.push(args); };
    window.Intercom = stub;
    return core.load(data.widgetSrc);
  }
  if (user.user_id === before) {
    window.Intercom("update", settings);
  } else {
    window.Intercom("shutdown");
    window.Intercom("boot", settings);
  }
  return null;
});
