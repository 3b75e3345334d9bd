{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://sleekplan.com/docs/authentication/single-sign-on: the widget reads
  // window.SLEEK_USER = {token} when it loads, calls $sleek.sso(callback) when a visitor
  // does something that needs an account, and takes $sleek.setUser({token}) at any time.
  // Until the widget loads, window.$sleek is a plain queue the page may have filled.
  // Like the real widget, the stand-in remembers who signed in (here in sessionStorage)
  // until $sleek.resetUser() (https://sleekplan.com/docs/sdk/user-setup) clears it.
  var sleek = window.$sleek = window.$sleek || [];
  var REMEMBERED = "feedback-sso-sandbox:sleekplan:user";
  var panel = new Panel("SLEEK_USER", "window.SLEEK_USER");
  var user = window.SLEEK_USER;
  function remember(result) {
    if (result && result.state === "signed-in") {
      sessionStorage.setItem(REMEMBERED, result.user.display_name || result.user.email);
    }
  }
  if (user && user.token) {
    signIn(panel, user.token).then(remember);
  } else if (sessionStorage.getItem(REMEMBERED)) {
    panel.state("remembered", "Still signed in as " + sessionStorage.getItem(REMEMBERED) +
      " (remembered by the widget)");
  } else {
    panel.anonymous("no window.SLEEK_USER token");
  }
  sleek.resetUser = function () {
    var forgotten = sessionStorage.getItem(REMEMBERED);
    sessionStorage.removeItem(REMEMBERED);
    panel.state("signed-out", "Signed out by $sleek.resetUser()" +
      (forgotten ? ": forgot " + forgotten : ""));
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
