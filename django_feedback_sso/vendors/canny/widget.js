/* Canny (https://developers.canny.io/install/widget/sso): Canny('render', {boardToken,
 * basePath, ssoToken}) into the page's <div data-canny>; Canny's install snippet queues
 * calls on Canny.q until sdk.js loads. */
FeedbackSSO.define("canny", {
  call: "Canny render",
  stub: function () {
    var canny = function () { canny.q.push(arguments); };
    canny.q = [];
    return canny;
  },
  options: { boardToken: "boardToken", basePath: "basePath" },
  defaults: { basePath: null },
  token: "ssoToken"
});
