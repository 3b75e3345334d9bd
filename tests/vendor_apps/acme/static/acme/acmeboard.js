/* Acme Board's module, as another app ships one: a static file of its own app, linked from
 * its snippet with {% static %} after feedback-sso.js. A description: window.AcmeBoard =
 * {board, token} from the script's data attributes. */
FeedbackSSO.define("acmeboard", {
  set: "AcmeBoard",
  options: { board: "board" },
  token: "token"
});
