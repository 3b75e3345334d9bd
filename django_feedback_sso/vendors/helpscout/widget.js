/* Help Scout Beacon 2 (https://developer.helpscout.com/beacon-2/web/secure-mode/): Beacon's
 * queue as its embed code sets it up, Beacon('init', id), Beacon('identify', {name, email,
 * signature}) with the email's HMAC, then the loader. */
FeedbackSSO.define("helpscout", function (data, core) {
  if (typeof window.Beacon !== "function") {
    // Help Scout's embed code: calls wait in Beacon.readyQueue until the Beacon loads.
    var stub = function (method, options, extra) {
      stub.readyQueue.push({ method: method, options: options, data: extra });
    };
    stub.readyQueue = [];
    window.Beacon = stub;
    stub("init", data.beaconId);
  }  // else the page's own embed code, or an earlier render, started it
  if (data.token) {
    var user = { email: data.email, signature: data.token };
    if (data.name) {
      user.name = data.name;
    }
    window.Beacon("identify", user);
  }
  return core.load(data.widgetSrc);
});
