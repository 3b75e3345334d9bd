/* After the site signed the user out (django_feedback_sso.signout), the widget's documented
 * sign-out call in data-call: a path from window, then string arguments ("zE messenger
 * logoutUser" is zE("messenger", "logoutUser")). No widget on the page, nothing to forget. */
FeedbackSSO.define("sign-out", function (data, core) {
  var words = data.call.split(" ");
  core.waitFor(function () { return core.lookUp(words[0]); }).then(function (fn) {
    fn.apply(null, words.slice(1));
  }, function () {});
});
