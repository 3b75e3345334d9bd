{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // Plays the site's own code mounting Novu's Inbox with new NovuUI({options:
  // window.novuInboxOptions}) (https://docs.novu.co/platform/quickstart/vanilla-js). Novu
  // recomputes subscriberHash from the subscriberId with the secret API key
  // (https://docs.novu.co/platform/inbox/prepare-for-production).
  var options = window.novuInboxOptions || {};
  var inbox = new Panel("novuInboxOptions", "new NovuUI({options: window.novuInboxOptions})");
  inbox.actions.appendChild(element("p", {}, "Application " +
                                    String(options.applicationIdentifier)));
  var subscriber = options.subscriber;
  if (typeof subscriber === "string") {
    subscriber = { subscriberId: subscriber };
  }
  if (options.subscriberHash && subscriber) {
    var identity = {};
    ["subscriberId", "email", "firstName"].forEach(function (name) {
      if (subscriber[name] !== undefined && subscriber[name] !== null) {
        identity[name] = String(subscriber[name]);
      }
    });
    signIn(inbox, options.subscriberHash, identity);
  } else {
    inbox.anonymous("no subscriberHash");
  }
{% endblock %}
