/* Nolt (https://nolt.io/help/single-sign-on): Nolt's queue (window.noltQueue, and
 * function nolt(){noltQueue.push(arguments)}), nolt('identify', {jwt}), then widgets.js. */
FeedbackSSO.define("nolt", {
  call: "nolt identify",
  stub: function () {
    var queue = Array.isArray(window.noltQueue) ? window.noltQueue : (window.noltQueue = []);
    return function () { queue.push(arguments); };
  },
  token: "jwt",
  onlyWithToken: true
});
