{% extends "feedback_sso_sandbox/widgets/_base.js" %}{% block widget %}
  // https://nolt.io/help/single-sign-on: widgets.js runs the calls queued in
  // window.noltQueue by the page's nolt() stub, then answers nolt('identify', {jwt}).
  var jwt = null;
  function nolt(command, options) {
    if (command === "identify") {
      jwt = (options || {}).jwt;
      signIn(new Panel("identify", "nolt('identify', {jwt})"), jwt);
    }
  }
  // Links marked data-nolt open the board signed in as the identified user; the stand-in
  // shows who instead of leaving the page.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-nolt]");
    if (link) {
      event.preventDefault();
      signIn(new Panel("data-nolt", "a data-nolt board link"), jwt);
    }
  });
  var queue = Array.isArray(window.noltQueue) ? window.noltQueue : [];
  var identified = queue.some(function (call) { return call[0] === "identify"; });
  queue.forEach(function (call) { nolt(call[0], call[1]); });
  if (!identified) {
    new Panel("identify", "nolt('identify', {jwt})").anonymous("the page made no identify call");
  }
  window.noltQueue = { push: function (call) { nolt(call[0], call[1]); } };
  window.nolt = nolt;
{% endblock %}
