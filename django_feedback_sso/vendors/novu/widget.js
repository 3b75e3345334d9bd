/* Novu Inbox (https://docs.novu.co/platform/inbox/prepare-for-production): Novu has no
 * loader script, so this sets window.novuInboxOptions = {applicationIdentifier, subscriber,
 * subscriberHash}, the options of new NovuUI({options}) (@novu/js/ui), for the site's own
 * code, then loads data-widget-src (INBOX_SCRIPT_URL) if the site named one. */
FeedbackSSO.define("novu", function (data, core) {
  var options = { applicationIdentifier: data.applicationIdentifier };
  if (data.token) {
    var subscriber = { subscriberId: data.subscriberId };
    if (data.email) subscriber.email = data.email;
    if (data.firstName) subscriber.firstName = data.firstName;
    options.subscriber = subscriber;
    options.subscriberHash = data.token;
  }
  window.novuInboxOptions = options;
  return data.widgetSrc ? core.load(data.widgetSrc) : null;
});
