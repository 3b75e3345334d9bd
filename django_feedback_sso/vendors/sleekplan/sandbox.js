{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://sleekplan.com/docs/authentication/single-sign-on: the widget reads
  // window.SLEEK_USER = {token} when it loads, calls $sleek.sso(callback) when a visitor
  // does something that needs an account, and takes $sleek.setUser({token}) at any time.
  // Until the widget loads, window.$sleek is a plain queue the page may have filled.
  // The widget remembers who signed in until $sleek.resetUser()
  // (https://sleekplan.com/docs/sdk/user-setup) clears it.
  var sleek = window.$sleek = window.$sleek || [];
  var panel = new Panel("SLEEK_USER", "window.SLEEK_USER");
  var user = window.SLEEK_USER;
  if (user && user.token) {
    signIn(panel, user.token);
  } else {
    panel.recall("no window.SLEEK_USER token");
  }
  sleek.resetUser = function () {
    panel.forget("$sleek.resetUser()");
  };
  if (window.SLEEK_PRODUCT_ID) {
    panel.actions.appendChild(element("p", {}, "Product " + String(window.SLEEK_PRODUCT_ID)));
  }
  panel.action("Vote (needs an account: asks $sleek.sso)", function () {
    var asked = new Panel("$sleek.sso", "$sleek.sso(callback)");
    if (typeof sleek.sso !== "function") {
      asked.anonymous("the page set no $sleek.sso function");
      return;
    }
    asked.anonymous("waiting for the page to call back with a token");
    sleek.sso(function (data) { signIn(asked, data && data.token); });
  });
  sleek.setUser = function (data) {
    signIn(new Panel("$sleek.setUser", "$sleek.setUser({token})"), data && data.token);
  };
{% endblock %}
