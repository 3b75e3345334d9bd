/* Frill (https://developers.frill.co/frill-script/identifying-users): with data-script-key,
 * Frill('container', {key, ssoToken}) and the Frill Script; without, Frill('identify',
 * {ssoToken}) for the Frill Script the page loads. */
FeedbackSSO.define("frill", function (data, core) {
  // Frill's own snippet (Frill → Widgets → Install): until container.js loads, Frill() is a
  // stub that keeps each call in Frill.q with the promise it returned.
  function stub() {
    var next = 0;
    var calls = {};
    var frill = function (command, options) {
      var id = next;
      var instance = null;
      next += 1;
      var promise = new Promise(function (resolve, reject) {
        calls[id] = { params: [command, options], reject: reject, resolve: function (value) {
          instance = value;
          resolve(value);
        } };
      });
      promise.destroy = function () {
        delete calls[id];
        if (instance) {
          instance.destroy();
        }
      };
      return promise;
    };
    frill.q = calls;
    return frill;
  }
  var frill = typeof window.Frill === "function" ? window.Frill : (window.Frill = stub());
  if (data.scriptKey) {
    frill("container", data.token ? { key: data.scriptKey, ssoToken: data.token }
                                   : { key: data.scriptKey });
    return core.load(data.widgetSrc);
  }
  if (data.token) {
    frill("identify", { ssoToken: data.token });
  }
  return null;
});
