{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://help.changelogfy.com/en-us/article/single-sign-on-sso-sctjvs/: index.js reads
  // CLF_config = {selector, app_id, sso} when it loads.
  var config = window.CLF_config || {};
  var panel = new Panel("CLF_config", "CLF_config.sso");
  panel.actions.appendChild(element("p", {}, "App " + String(config.app_id)));
  if (config.sso) {
    signIn(panel, config.sso);
  } else {
    panel.anonymous("no sso in CLF_config");
  }
{% endblock %}
