/* FeatureOS, formerly Hellonext (https://help.hellonext.co/buckets/enabling-sso/): embed.js,
 * then hellonext.init({embedURL, ssoToken}) into the page's <div data-hellonext>. */
FeedbackSSO.define("featureos", {
  call: "hellonext.init",
  options: { embedURL: "embedUrl" },
  token: "ssoToken"
});
