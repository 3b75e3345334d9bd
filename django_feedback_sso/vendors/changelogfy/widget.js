/* Changelogfy (https://help.changelogfy.com/en-us/article/single-sign-on-sso-sctjvs/):
 * window.CLF_config = {app_id, selector, sso}, then the widget. */
FeedbackSSO.define("changelogfy", {
  set: "CLF_config",
  options: { app_id: "appId", selector: "selector" },
  token: "sso"
});
