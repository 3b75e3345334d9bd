/* After a sign-out (signout.py): the widget's call, "zE messenger logoutUser" for
 * zE("messenger", "logoutUser"), once it is there. */
FeedbackSSO.define("sign-out", function (data, core) {
  var words = data.call.split(" ");
  core.waitFor(function () { return core.lookUp(words[0]); }).then(function (fn) {
    fn.apply(null, words.slice(1));
  }, function () {});
});
