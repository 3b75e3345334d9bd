/* Front Chat (https://dev.frontapp.com/docs/identify-users): once chat.bundle.js has run,
 * FrontChat('init', {chatId, useDefaultLauncher, email, name, userHash}), userHash being
 * the email's HMAC (https://dev.frontapp.com/docs/chat-sdk-reference). */
FeedbackSSO.define("front", {
  call: "FrontChat init",
  options: { chatId: "chatId", email: "email", name: "name" },
  defaults: { useDefaultLauncher: true },
  token: "userHash"
});
