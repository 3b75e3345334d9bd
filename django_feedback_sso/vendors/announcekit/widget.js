/* AnnounceKit (https://help.announcekit.app/en/articles/6583616-jwt-user-authentication):
 * announcekit.push({widget, selector, user_token}) onto the queue AnnounceKit's snippet
 * starts, then widget-v2.js. */
FeedbackSSO.define("announcekit", {
  call: "announcekit.push",
  stub: function () {
    var kit = { queue: [],
                on: function (name, handler) { kit.queue.push([name, handler]); },
                push: function (widget) { kit.queue.push(widget); } };
    return kit;
  },
  options: { widget: "widgetUrl", selector: "selector" },
  token: "user_token"
});
