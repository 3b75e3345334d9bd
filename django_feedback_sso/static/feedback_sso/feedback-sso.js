/* django-feedback-sso's core: window.FeedbackSSO, with which the vendor modules loaded after
 * it define their glue. Loaded twice, the first copy stays. See docs/javascript.md. */
(function () {
  "use strict";

  var WAIT_SECONDS = 10;
  var vendors = Object.create(null);  // id -> {glue, script}, filled by define()

  // The token, or null when the user gets none (signed out, refused, vendor unavailable).
  function fetchToken(tokenUrl) {
    return fetch(tokenUrl, { credentials: "same-origin", cache: "no-store",
                             headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { return data && typeof data.token === "string" ? data.token : null; })
      .catch(function () { return null; });
  }

  // Document.prototype's getter: an injected <img name="currentScript" data-…> shadows
  // document.currentScript (DOM clobbering), never the getter.
  function runningScript() {
    var script = Object.getOwnPropertyDescriptor(Document.prototype, "currentScript")
      .get.call(document);
    return script instanceof HTMLScriptElement ? script : null;
  }

  function report(error) {
    console.error("feedback-sso.js: " + error.message);
  }

  // find()'s first truthy answer, polled while widgets load; rejects after 10 seconds.
  function waitFor(find, what, why) {
    var triesLeft = WAIT_SECONDS * 10;
    return new Promise(function (resolve, reject) {
      (function poll() {
        var found = find();
        if (found) {
          resolve(found);
        } else if (triesLeft-- > 0) {
          setTimeout(poll, 100);
        } else {
          reject(new Error(what + " did not load within " + WAIT_SECONDS + " seconds " + why));
        }
      })();
    });
  }

  // A vendor's SDK, once per page, after `near` with its nonce (for nonce-based CSPs);
  // resolves once it ran.
  function loadScript(near, src) {
    var absolute = new URL(src, window.location.href).href;
    if ([].some.call(document.querySelectorAll("script[src]"),
                     function (script) { return script.src === absolute; })) {
      return Promise.resolve();
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.nonce = near.nonce;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      near.after(script);
    });
  }

  // The queue or config object at window[name], never an element of that id.
  function pageObject(name) {
    var value = window[name];
    return value && typeof value === "object" && !(value instanceof Node) ? value : null;
  }

  // Vendors' snippets start with window.x = {…}: fix() mends each object assigned there.
  function keep(name, fix) {
    var current = window[name];
    try {
      Object.defineProperty(window, name, { configurable: true, enumerable: true,
        get: function () { return current; },
        set: function (value) {
          current = value;
          if (value && typeof value === "object") {
            fix(value);
          }
        } });
    } catch (error) {}  // the page's own `var x`: can't be redefined, left alone
  }

  // The function at a path from window ("$sleek.resetUser") bound to its owner, or null.
  function lookUp(path) {
    var names = path.split(".");
    var owner = window;
    for (var i = 0; owner && i < names.length - 1; i += 1) {
      owner = owner[names[i]];
    }
    var fn = owner && owner[names[i]];
    return typeof fn === "function" ? fn.bind(owner) : null;
  }

  // A description (docs/javascript.md) as the function that starts its vendor.
  function described(d) {
    return function (data, core) {
      var options = Object.assign({}, d.defaults);
      for (var name in d.options) {
        if (data[d.options[name]]) {
          options[name] = data[d.options[name]];
        }
      }
      if (data.token) {
        options[d.token] = data.token;
      }
      var words = (d.call || "").split(" ");
      if (d.set) {
        window[d.set] = options;
      } else if (d.stub && !lookUp(words[0])) {
        window[words[0].split(".")[0]] = d.stub();
      }
      var called = d.call && (data.token || !d.onlyWithToken) && waitFor(function () {
        return lookUp(words[0]);
      }, core.id, "(no window." + words[0] + ").").then(function (fn) {
        fn.apply(null, words.slice(1).concat([options]));
      });
      return Promise.all([called, data.widgetSrc && core.load(data.widgetSrc)]);
    };
  }

  // Starts a defined vendor with `data`; its SDK loads after `script`, else its module's.
  function start(id, data, script) {
    var vendor = vendors[id];
    var core = Object.create(api);
    core.id = id;
    core.load = function (src) { return loadScript(script || vendor.script, src); };
    new Promise(function (resolve) { resolve(vendor.glue(data, core)); }).catch(report);
  }

  // From a module: its <script> with data-feedback-sso="<id>" starts the vendor with its
  // data attributes; data-token goes (injected CSS selectors could match it).
  function define(id, glue) {
    var script = runningScript();
    vendors[id] = { glue: typeof glue === "function" ? glue : described(glue), script: script };
    if (script && script.dataset.feedbackSso === id) {
      var data = Object.assign({}, script.dataset);
      script.removeAttribute("data-token");
      start(id, data, script);
    }
  }

  var api = { fetchToken: fetchToken, define: define, start: start, waitFor: waitFor,
              lookUp: lookUp, keep: keep, pageObject: pageObject, report: report };
  var first = window.FeedbackSSO;  // or an element of that name, which has no define()
  if (!first || typeof first.define !== "function") {
    window.FeedbackSSO = api;
  }
  var own = runningScript();  // with data-feedback-sso: markup from before the modules
  if (own && own.dataset.feedbackSso) report(Error("load the vendor's module after it"));
})();
