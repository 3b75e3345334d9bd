/*
 * The demo's single-page-app flows: buttons that fetch a token on demand with
 * feedback-sso.js (window.FeedbackSSO) and hand it to the vendor the way it reads it.
 */
(function () {
  "use strict";

  function loadProductLiftSDK(data) {
    window.FeedbackSSO.fetchToken(data.tokenUrl).then(function (token) {
      // https://www.productlift.dev/docs/single-sign-on: the SDK reads ?sso= off its URL.
      var url = new URL(data.sdkUrl, window.location.href);
      if (token) {
        url.searchParams.set("sso", token);
      }
      var script = document.createElement("script");
      script.src = url.href;
      document.body.appendChild(script);
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-demo-flow]");
    if (!button) {
      return;
    }
    if (button.dataset.demoFlow === "productlift-sdk") {
      loadProductLiftSDK(button.dataset);
    } else if (button.dataset.demoFlow === "boostgpt-init") {
      window.FeedbackSSO.start("boostgpt", { tokenUrl: button.dataset.tokenUrl,
                                             botId: button.dataset.botId });
    }
  });
})();
