/*
 * django-feedback-sso: fetch a fresh SSO token from the site's own token endpoint and hand
 * it to a vendor widget when the widget asks for one. No dependencies, no build step.
 *
 * Include it with data attributes on its own <script> tag:
 *   data-feedback-sso="sleekplan" data-token-url="/feedback-sso/sleekplan/token/"
 *     answers Sleekplan's $sleek.sso(callback) with {token: ...}
 *     (https://sleekplan.com/docs/authentication/single-sign-on);
 *   data-feedback-sso="boostgpt" data-token-url="..." data-bot-id="UUID"
 *     waits for widget.js, then calls BoostGPTWidget.init({botId, userToken})
 *     (https://docs.boostgpt.co/saas/chat-widget/sso).
 * Or call window.FeedbackSSO.fetchToken(url) yourself; it resolves to the token string,
 * or null when the user gets none (signed out, refused, vendor unavailable).
 */
(function () {
  "use strict";

  function fetchToken(tokenUrl) {
    // Same origin only, with the session cookie; the endpoint is never cacheable.
    return fetch(tokenUrl, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        return data && typeof data.token === "string" ? data.token : null;
      })
      .catch(function () {
        return null;
      });
  }

  function wireSleekplan(tokenUrl) {
    window.$sleek = window.$sleek || [];
    window.$sleek.sso = function (callback) {
      fetchToken(tokenUrl).then(function (token) {
        if (token) {
          callback({ token: token });
        }
      });
    };
  }

  function whenDefined(name, then, triesLeft) {
    if (window[name]) {
      then(window[name]);
    } else if (triesLeft > 0) {
      setTimeout(function () { whenDefined(name, then, triesLeft - 1); }, 100);
    }
  }

  function wireBoostGPT(tokenUrl, botId) {
    fetchToken(tokenUrl).then(function (token) {
      whenDefined("BoostGPTWidget", function (widget) {
        var options = { botId: botId };
        if (token) {
          options.userToken = token;
        }
        widget.init(options);
      }, 100);
    });
  }

  window.FeedbackSSO = { fetchToken: fetchToken, wireSleekplan: wireSleekplan,
                         wireBoostGPT: wireBoostGPT };

  var script = document.currentScript;
  if (!script || !script.dataset.tokenUrl) {
    return;
  }
  if (script.dataset.feedbackSso === "sleekplan") {
    wireSleekplan(script.dataset.tokenUrl);
  } else if (script.dataset.feedbackSso === "boostgpt" && script.dataset.botId) {
    wireBoostGPT(script.dataset.tokenUrl, script.dataset.botId);
  }
})();
