{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://help.hellonext.co/buckets/enabling-sso/: after embed.js, the page calls
  // hellonext.init({embedURL, ssoToken}).
  window.hellonext = {
    init: function (options) {
      options = options || {};
      var panel = new Panel("ssoToken", "hellonext.init({embedURL, ssoToken})");
      panel.actions.appendChild(element("p", {}, "Embed " + String(options.embedURL)));
      signIn(panel, options.ssoToken);
    }
  };
{% endblock %}
