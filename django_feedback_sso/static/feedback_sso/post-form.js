/* The redirect view's page for vendors that take the token by POST (Zendesk): submits its
 * form at once (without JavaScript, the form's button does). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-feedback-sso-post]");
  if (form) {
    HTMLFormElement.prototype.submit.call(form);  // an input named "submit" can't shadow it
  }
})();
