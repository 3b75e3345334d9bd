/* After a sign-out (signout.py): the widget's call, ["zE","messenger","logoutUser"] for
 * zE("messenger", "logoutUser"), once it is there. */
FeedbackSSO.define("sign-out", function (data, core) {
  var call = JSON.parse(data.call);
  core.waitFor(function () { return core.lookUp(call[0]); }).then(function (fn) {
    fn.apply(null, call.slice(1));
  }, function () {});
});
