{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://developer.zendesk.com/api-reference/widget-messaging/web/authentication:
  // zE("messenger", "loginUser", function (callback) { callback(jwt) }); Zendesk calls the
  // function again whenever it needs a token (an expired one is refused), and
  // zE("messenger", "logoutUser") returns to an anonymous visitor.
  var login = null;
  var panel = new Panel("loginUser", "zE('messenger', 'loginUser', callback)");
  panel.recall("the page has not called loginUser");
  function ask(asked) {
    asked.anonymous("waiting for the page to call back with a token");
    login(function (token) { signIn(asked, token); });
  }
  panel.action("Reconnect (asks the loginUser function for a token again)", function () {
    if (login) {
      ask(new Panel("loginUser-again", "the loginUser function, asked again"));
    }
  });
  window.zE = function (widget, command, argument) {
    if (widget !== "messenger") {
      return;
    }
    if (command === "loginUser" && typeof argument === "function") {
      login = argument;
      ask(panel);
    } else if (command === "logoutUser") {
      panel.forget("zE('messenger', 'logoutUser')");
    }
  };
{% endblock %}
