/*
 * Sandbox stand-in for {{ vendor.name }}'s widget loader (django-feedback-sso, development
 * only). It reads the token where the real widget reads it, asks the sandbox's verify
 * endpoint what {{ vendor.name }} would make of it, and shows the answer in a panel.
 * Everything is built with createElement and textContent: claims are user data.
 */
(function () {
  "use strict";

  var VENDOR = {{ js.vendor_id }};
  var VENDOR_NAME = {{ js.vendor_name }};
  var VERIFY_URL = {{ js.verify_url }};
  // Set only while this file first runs; vendors read their data attributes off it.
  var ownScript = document.currentScript;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // Real widgets float in a corner of the page; so do the stand-ins.
  function dock() {
    var found = document.getElementById("feedback-sso-sandbox-dock");
    if (!found) {
      found = element("div", { id: "feedback-sso-sandbox-dock" });
      // Never taller than the window: several panels scroll inside the dock instead of
      // running off the screen. A page can keep its content beside it (24rem + 1rem).
      found.style.cssText = "position:fixed;right:1rem;bottom:1rem;width:24rem;" +
        "max-width:calc(100vw - 2rem);max-height:calc(100vh - 2rem);overflow:auto;" +
        "z-index:2147483647;font:14px/1.4 system-ui,sans-serif";
      document.body.appendChild(found);
    }
    return found;
  }

  function Panel(via, label) {
    this.root = element("section", {
      "class": "feedback-sso-sandbox-widget",
      "data-sandbox-vendor": VENDOR,
      "data-sandbox-via": via,
      "data-sandbox-state": "anonymous"
    });
    this.root.style.cssText = "background:#fff;border:2px solid #555;border-radius:.5rem;" +
      "padding:.5rem .75rem;margin-top:.5rem;box-shadow:0 2px 8px rgba(0,0,0,.2)";
    this.root.appendChild(element("strong", {}, VENDOR_NAME + " (sandbox) via " + label));
    this.status = this.root.appendChild(element("p", { "class": "sandbox-status" }));
    this.actions = this.root.appendChild(element("div"));
    this.claims = this.root.appendChild(element("dl"));
    // Claim names and values side by side: half the height of the default layout.
    this.claims.style.cssText = "display:grid;grid-template-columns:max-content 1fr;" +
      "gap:0 .75rem;margin:.25rem 0 0;font-size:12px;font-family:monospace;word-break:break-all";
    dock().appendChild(this.root);
  }

  Panel.prototype.state = function (state, text) {
    this.root.setAttribute("data-sandbox-state", state);
    this.status.textContent = text;
  };

  Panel.prototype.anonymous = function (why) {
    this.state("anonymous", "Anonymous visitor (" + why + ").");
  };

  Panel.prototype.action = function (label, onClick) {
    var button = this.actions.appendChild(element("button", { type: "button" }, label));
    button.addEventListener("click", onClick);
    return button;
  };

  Panel.prototype.show = function (result) {
    while (this.claims.firstChild) {
      this.claims.removeChild(this.claims.firstChild);
    }
    if (!result || result.state !== "signed-in") {
      result = result || {};
      this.state("refused", VENDOR_NAME + " refused the token: " + result.reason +
        " (" + result.detail + ")");
      this.root.setAttribute("data-sandbox-reason", String(result.reason));
      return;
    }
    var user = result.user || {};
    this.state("signed-in", "Signed in as " + (user.display_name || user.email) +
      (user.email ? " <" + user.email + ">" : ""));
    this.root.setAttribute("data-sandbox-user", user.display_name || user.email || "");
    var claims = this.claims;
    Object.keys(result.claims || {}).sort().forEach(function (name) {
      var value = result.claims[name];
      claims.appendChild(element("dt", {}, name));
      claims.appendChild(element("dd", {}, typeof value === "string" ? value : JSON.stringify(value)))
        .style.margin = "0";
    });
  };

  // An identity-hash vendor's widget sends the identity beside the hash: the vendor
  // recomputes the hash from it.
  function verify(token, identity) {
    var body = { token: token };
    if (identity) {
      body.identity = JSON.stringify(identity);
    }
    return fetch(VERIFY_URL, {
      method: "POST",
      body: new URLSearchParams(body),
      credentials: "omit",
      cache: "no-store"
    })
      .then(function (response) { return response.json(); })
      .catch(function () {
        return { state: "refused", reason: "unreachable", detail: "the sandbox did not answer" };
      });
  }

  // Real widgets keep their own session in the browser (Sleekplan's SDK storage, Intercom's
  // week-long cookie): a widget loaded without a token may still know the last user until
  // the page makes the vendor's sign-out call. The stand-ins remember in sessionStorage.
  var REMEMBERED = "feedback-sso-sandbox:" + VENDOR + ":user";

  function remember(result) {
    if (result && result.state === "signed-in") {
      sessionStorage.setItem(REMEMBERED, result.user.display_name || result.user.email);
    }
  }

  // No token: the user the widget still remembers, if any, else an anonymous visitor.
  Panel.prototype.recall = function (why) {
    var user = sessionStorage.getItem(REMEMBERED);
    if (user) {
      this.state("remembered", "Still signed in as " + user + " (remembered by the widget)");
    } else {
      this.anonymous(why);
    }
  };

  // The vendor's sign-out call, as the page wrote it: the widget forgets its user.
  Panel.prototype.forget = function (call) {
    var forgotten = sessionStorage.getItem(REMEMBERED);
    sessionStorage.removeItem(REMEMBERED);
    this.state("signed-out", "Signed out by " + call + (forgotten ? ": forgot " + forgotten : ""));
  };

  function signIn(panel, token, identity) {
    if (typeof token !== "string" || !token) {
      panel.anonymous("no token");
      return Promise.resolve(null);
    }
    panel.state("anonymous", "Verifying the token…");
    return verify(token, identity).then(function (result) {
      panel.show(result);
      remember(result);
      return result;
    });
  }
{% block widget %}{% endblock %}
})();
