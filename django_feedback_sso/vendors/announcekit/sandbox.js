{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://help.announcekit.app/en/articles/6583616-jwt-user-authentication: widget-v2.js
  // runs what the page queued in window.announcekit.queue; each
  // announcekit.push({widget, selector, user_token}) is a widget, signed in by user_token.
  function push(item) {
    if (!item || Array.isArray(item) || !item.widget) {
      return;  // on(event, handler) calls, queued as [name, handler]
    }
    var panel = new Panel("user_token", "announcekit.push({widget, user_token})");
    panel.actions.appendChild(element("p", {}, "Widget " + String(item.widget)));
    signIn(panel, item.user_token);
  }
  var kit = window.announcekit && Array.isArray(window.announcekit.queue) ? window.announcekit
    : { queue: [] };
  kit.queue.forEach(push);
  window.announcekit = { queue: [], push: push, on: function () {} };
{% endblock %}
