{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://www.productlift.dev/docs/single-sign-on: the widgets SDK signs the visitor in
  // with the ?sso=TOKEN on its own script URL.
  var panel = new Panel("sso-param", "?sso= on the SDK URL");
  var src = ownScript ? new URL(ownScript.src, window.location.href) : null;
  if (src && src.searchParams.get("sso")) {
    signIn(panel, src.searchParams.get("sso"));
  } else {
    panel.anonymous("no ?sso= on the SDK URL");
  }
{% endblock %}
