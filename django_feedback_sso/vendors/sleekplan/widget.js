/* Sleekplan (https://sleekplan.com/docs/authentication/single-sign-on): SLEEK_USER = {token},
 * $sleek.sso(callback) answered with a fresh token, and with data-product-id, the widget. */
FeedbackSSO.define("sleekplan", function (data, core) {
  // {} is Sleekplan's shape without a token: the widget goes on with an anonymous visitor
  // instead of waiting forever.
  var sso = function (callback) {
    core.fetchToken(data.tokenUrl).then(function (token) {
      callback(token ? { token: token } : {});
    });
  };
  // Before the SDK loads, $sleek is the plain array Sleekplan's snippet creates. That
  // snippet starts with window.$sleek=[]: after the tag, it would drop sso.
  var sleek = core.pageObject("$sleek") || (window.$sleek = []);
  sleek.sso = sso;
  core.keep("$sleek", function (value) {
    if (typeof value.sso !== "function") {
      value.sso = sso;
    }
  });
  if (data.token) {
    // https://help.sleekplan.com/en/articles/5183353-identifying-end-user: SLEEK_USER is read
    // when the widget loads; an SDK the site's own loader already started takes setUser.
    if (typeof sleek.setUser === "function") {
      sleek.setUser({ token: data.token });
    } else {
      window.SLEEK_USER = { token: data.token };
    }
  }
  if (!data.productId || !data.widgetSrc) {
    return null;
  }
  // Sleekplan's snippet writes the id as a number (window.SLEEK_PRODUCT_ID=12345;).
  if (!/^[0-9]+$/.test(data.productId) || !Number.isSafeInteger(Number(data.productId))) {
    throw new Error("Sleekplan's PRODUCT_ID must be digits; got '" + data.productId +
      "'. The widget was not loaded.");
  }
  window.SLEEK_PRODUCT_ID = Number(data.productId);
  return core.load(data.widgetSrc);
});
