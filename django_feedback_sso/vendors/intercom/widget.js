/* Intercom (https://developers.intercom.com/installing-intercom/web/identity-verification):
 * intercomSettings = {app_id, intercom_user_jwt}, then the Messenger as Intercom's snippet
 * starts it. Once it runs, the same user is an update (as there); another, or none,
 * shutdown then boot (developers.intercom.com/installing-intercom/docs/intercom-javascript) */
FeedbackSSO.define("intercom", function (data, core) {
  function userOf(jwt) {  // the user_id in a JWT's payload (base64url JSON), or null
    try {
      return String(JSON.parse(atob(jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")))
        .user_id);
    } catch (error) {
      return null;
    }
  }
  var token = data.token;
  var settings = core.pageObject("intercomSettings") || {};
  var before = userOf(settings.intercom_user_jwt);
  settings.app_id = data.appId;
  if (token) {
    settings.intercom_user_jwt = token;
  } else {
    delete settings.intercom_user_jwt;  // the previous user's, on a page rendered again
  }
  // A page that assigns intercomSettings after the tag keeps the JWT. First: an earlier
  // run's setter would add its own.
  core.keep("intercomSettings", function (value) {
    if (token && !value.intercom_user_jwt) {
      value.intercom_user_jwt = token;
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
  if (userOf(token) === before) {
    window.Intercom("update", settings);
  } else {
    window.Intercom("shutdown");
    window.Intercom("boot", settings);
  }
  return null;
});
