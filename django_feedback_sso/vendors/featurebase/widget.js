/* Featurebase (https://help.featurebase.app/articles/0874531): Featurebase(
 * "initialize_feedback_widget", {organization, jwtToken}); its install snippet queues calls
 * on Featurebase.q until sdk.js loads. */
FeedbackSSO.define("featurebase", {
  call: "Featurebase initialize_feedback_widget",
  stub: function () {
    var fb = function () { fb.q.push(arguments); };
    fb.q = [];
    return fb;
  },
  options: { organization: "organization" },
  token: "jwtToken"
});
