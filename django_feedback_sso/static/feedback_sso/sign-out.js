/* After a sign-out (django_feedback_sso.signout), the widget's sign-out call once it is
 * there: "zE messenger logoutUser" is zE("messenger", "logoutUser"). */
FeedbackSSO.define("sign-out", function (data, core) {
  var words = data.call.split(" ");
  core.waitFor(function () { return core.lookUp(words[0]); }).then(function (fn) {
    fn.apply(null, words.slice(1));
  }, function () {});
});
