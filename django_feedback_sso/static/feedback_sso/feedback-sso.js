/*
 * django-feedback-sso: fetch a fresh SSO token from the site's own token endpoint and hand
 * it to a vendor widget when the widget asks for one. No dependencies, no build step.
 *
 * Include it with data attributes on its own <script> tag:
 *   data-feedback-sso="sleekplan" data-token-url="/feedback-sso/sleekplan/token/"
 *     answers Sleekplan's $sleek.sso(callback) with {token: ...}, or {} for a user who
 *     gets none (https://sleekplan.com/docs/authentication/single-sign-on). The tag adds
 *     data-token (sets window.SLEEK_USER) and, with PRODUCT_ID set, data-product-id and
 *     data-widget-src (sets window.SLEEK_PRODUCT_ID and loads the widget).
 *   data-feedback-sso="boostgpt" data-token-url="..." data-bot-id="UUID"
 *     waits for widget.js, then calls BoostGPTWidget.init({botId, userToken})
 *     (https://docs.boostgpt.co/saas/chat-widget/sso) or boostgpt.init({botId, userToken})
 *     (https://docs.boostgpt.co/saas/chat-widget/api-reference).
 *   data-feedback-sso="canny" | "featurebase" | "featureos": the tag's widget snippets
 *     (one function per vendor below: data-token, the widget's own ids, data-widget-src).
 *   data-feedback-sso="post-form": the redirect view's page for vendors that take the
 *     token by POST (Zendesk); submits the form before it.
 *   data-feedback-sso-sign-out="$sleek.resetUser"
 *     (added by the tag on the first page after the site signed the user out) waits for
 *     the widget and makes its documented sign-out call (https://sleekplan.com/docs/sdk/user-setup).
 *   data-feedback-sso="frill" | "nolt" | "uservoice" | "zendesk_messaging" | "intercom" |
 *     "announcekit" | "changelogfy": see "Vendors of issue 12, part two" below; each vendor's
 *     snippet template (templates/feedback_sso/snippets/<id>.html) says what it passes.
 * Or call window.FeedbackSSO.fetchToken(url) yourself; it resolves to the token string,
 * or null when the user gets none (signed out, refused, vendor unavailable).
 */
(function () {
  "use strict";

  var BOOSTGPT_GLOBALS = ["BoostGPTWidget", "boostgpt"];
  var WIDGET_WAIT_MS = 10000;
  var POLL_MS = 100;

  function fetchToken(tokenUrl) {
    // Same origin only, with the session cookie; the endpoint is never cacheable.
    return fetch(tokenUrl, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        return data && typeof data.token === "string" ? data.token : null;
      })
      .catch(function () {
        return null;
      });
  }

  // Our own <script>, found in a way markup can't fake. Named elements shadow Document's
  // built-ins (https://html.spec.whatwg.org/multipage/dom.html#dom-document-nameditem):
  // an injected <img name="currentScript" data-token-url=...> would make
  // document.currentScript that <img>. The getter on Document.prototype can't be shadowed.
  function ownScript() {
    var current = Object.getOwnPropertyDescriptor(Document.prototype, "currentScript");
    var script = current.get.call(document);
    return script instanceof HTMLScriptElement ? script : null;
  }

  function sleekQueue() {
    // Before Sleekplan's SDK loads, $sleek is the plain array its snippet creates.
    var sleek = window.$sleek;
    if (!sleek || typeof sleek !== "object" || sleek instanceof Node) {
      sleek = window.$sleek = [];
    }
    return sleek;
  }

  // Sleekplan's own snippet starts with window.$sleek=[], which replaces the object our
  // sso sits on. The documented order (the site's snippet, then the tag) avoids that; for a
  // page in the other order, hand sso to whatever $sleek becomes when it has none.
  function keepSsoOnReplacement(sso) {
    var existing = Object.getOwnPropertyDescriptor(window, "$sleek");
    if (existing && !existing.configurable) {
      return;
    }
    var current = window.$sleek;
    Object.defineProperty(window, "$sleek", {
      configurable: true,
      enumerable: true,
      get: function () { return current; },
      set: function (value) {
        current = value;
        if (value && typeof value === "object" && typeof value.sso !== "function") {
          value.sso = sso;
        }
      }
    });
  }

  function wireSleekplan(tokenUrl) {
    // Sleekplan doesn't say what the callback takes when there is no user; {} is its
    // documented shape without a token, so the widget goes on with an anonymous visitor
    // instead of waiting forever.
    var sso = function (callback) {
      fetchToken(tokenUrl).then(function (token) {
        callback(token ? { token: token } : {});
      });
    };
    sleekQueue().sso = sso;
    keepSsoOnReplacement(sso);
  }

  function signInToSleekplan(token) {
    // https://help.sleekplan.com/en/articles/5183353-identifying-end-user: SLEEK_USER is read
    // when the widget loads. If the site's own (asynchronous) loader was faster, the SDK is
    // already there and takes the token through $sleek.setUser({token}).
    var sleek = window.$sleek;
    if (sleek && typeof sleek.setUser === "function") {
      sleek.setUser({ token: token });
    } else {
      window.SLEEK_USER = { token: token };
    }
  }

  function loadSleekplanWidget(script, productId, src) {
    // Sleekplan's snippet writes the id as a number (window.SLEEK_PRODUCT_ID=12345;).
    if (!/^[0-9]+$/.test(productId) || !Number.isSafeInteger(Number(productId))) {
      console.error("feedback-sso.js: Sleekplan's PRODUCT_ID must be digits; got '" +
        productId + "'. The widget was not loaded.");
      return;
    }
    window.SLEEK_PRODUCT_ID = Number(productId);
    var loader = document.createElement("script");
    loader.src = src;
    loader.async = true;
    if (script.nonce) {
      loader.nonce = script.nonce;  // so a nonce-based CSP lets the loader run too
    }
    script.parentNode.insertBefore(loader, script.nextSibling);
  }

  function startSleekplan(script, data) {
    var token = data.token;
    // Read once; a token left in an attribute could be matched by injected CSS selectors.
    script.removeAttribute("data-token");
    wireSleekplan(data.tokenUrl);
    if (token) {
      signInToSleekplan(token);
    }
    if (data.productId && data.widgetSrc) {
      loadSleekplanWidget(script, data.productId, data.widgetSrc);
    }
  }

  function boostGPTWidget() {
    for (var i = 0; i < BOOSTGPT_GLOBALS.length; i += 1) {
      var candidate = window[BOOSTGPT_GLOBALS[i]];
      // An element with that id is a window property too; only a real widget has init().
      if (candidate && typeof candidate.init === "function") {
        return candidate;
      }
    }
    return null;
  }

  function whenBoostGPTLoads() {
    return new Promise(function (resolve, reject) {
      var triesLeft = WIDGET_WAIT_MS / POLL_MS;
      (function poll() {
        var widget = boostGPTWidget();
        if (widget) {
          resolve(widget);
        } else if (triesLeft > 0) {
          triesLeft -= 1;
          setTimeout(poll, POLL_MS);
        } else {
          reject(new Error("BoostGPT's widget did not load within " + WIDGET_WAIT_MS / 1000 +
            " seconds (neither window.BoostGPTWidget nor window.boostgpt appeared); load " +
            "widget.js (https://embed.boostgpt.co/widget.js) on this page."));
        }
      })();
    });
  }

  function wireBoostGPT(tokenUrl, botId) {
    return Promise.all([fetchToken(tokenUrl), whenBoostGPTLoads()]).then(function (ready) {
      var options = { botId: botId };
      if (ready[0]) {
        options.userToken = ready[0];
      }
      ready[1].init(options);
    }, function (error) {
      console.error("feedback-sso.js: " + error.message);
    });
  }


  // ---- Widgets that take the token in their init call (one function per vendor) -------

  // Each widget vendor's start function, by data-feedback-sso (registered below).
  var VENDOR_STARTERS = {};
  // How long a token fetched to decide whether to sign in may stand in for a fresh one.
  var FRESH_MS = 30000;

  // Loads a vendor's SDK once per page, after our own <script>, with its nonce so a
  // nonce-based CSP lets it run; resolves when it has run (at once if it already was).
  function loadScript(script, src) {
    var absolute = new URL(src, window.location.href).href;
    var loaded = document.querySelectorAll("script[src]");
    for (var i = 0; i < loaded.length; i += 1) {
      if (loaded[i].src === absolute && loaded[i] !== script) {
        return Promise.resolve();
      }
    }
    return new Promise(function (resolve, reject) {
      var loader = document.createElement("script");
      loader.src = src;
      loader.async = true;
      if (script.nonce) {
        loader.nonce = script.nonce;
      }
      loader.onload = resolve;
      loader.onerror = function () { reject(new Error("could not load " + src)); };
      script.parentNode.insertBefore(loader, script.nextSibling);
    });
  }

  // Reads the token once: one left in an attribute could be matched by injected CSS.
  function takeToken(script) {
    var token = script.dataset.token || null;
    script.removeAttribute("data-token");
    return token;
  }

  function startCanny(script, data) {
    // https://developers.canny.io/install/widget/sso: Canny('render', {boardToken,
    // basePath, ssoToken}); Canny's install snippet queues calls on window.Canny until
    // sdk.js loads, and the widget renders into the page's <div data-canny>.
    var token = takeToken(script);
    if (typeof window.Canny !== "function") {
      var queue = function () { queue.q.push(arguments); };
      queue.q = [];
      window.Canny = queue;
    }
    var options = { boardToken: data.boardToken, basePath: data.basePath || null };
    if (token) {
      options.ssoToken = token;
    }
    window.Canny("render", options);
    loadScript(script, data.widgetSrc).catch(reportError);
  }

  function startFeaturebase(script, data) {
    // https://help.featurebase.app/articles/0874531: Featurebase("initialize_feedback_widget",
    // {organization, jwtToken}); its install snippet queues calls on Featurebase.q until
    // sdk.js loads.
    var token = takeToken(script);
    if (typeof window.Featurebase !== "function") {
      window.Featurebase = function () {
        (window.Featurebase.q = window.Featurebase.q || []).push(arguments);
      };
    }
    var options = { organization: data.organization };
    if (token) {
      options.jwtToken = token;
    }
    window.Featurebase("initialize_feedback_widget", options);
    loadScript(script, data.widgetSrc).catch(reportError);
  }

  function startFeatureOS(script, data) {
    // https://help.hellonext.co/buckets/enabling-sso/: embed.js, then
    // hellonext.init({embedURL, ssoToken}) renders into the page's <div data-hellonext>.
    var token = takeToken(script);
    loadScript(script, data.widgetSrc).then(function () {
      var options = { embedURL: data.embedUrl };
      if (token) {
        options.ssoToken = token;
      }
      window.hellonext.init(options);
    }).catch(reportError);
  }

  function reportError(error) {
    console.error("feedback-sso.js: " + error.message);
  }

  VENDOR_STARTERS.canny = startCanny;
  VENDOR_STARTERS.featurebase = startFeaturebase;
  VENDOR_STARTERS.featureos = startFeatureOS;

  // ---- The redirect view's POST form (Zendesk) ----------------------------------------

  function submitPostForm(script) {
    var form = script.previousElementSibling;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-feedback-sso-post")) {
      // The prototype's submit: an input named "submit" can't shadow it.
      HTMLFormElement.prototype.submit.call(form);
    }
  }

  // ---- Sign-out ------------------------------------------------------------------------

  // The function at a path from window ("$sleek.resetUser"), with what it is called on.
  function lookUp(path) {
    var owner = window;
    var names = path.split(".");
    for (var i = 0; i < names.length - 1; i += 1) {
      owner = owner[names[i]];
      if (!owner || (typeof owner !== "object" && typeof owner !== "function")) {
        return null;
      }
    }
    var fn = owner[names[names.length - 1]];
    return typeof fn === "function" ? { fn: fn, owner: owner } : null;
  }

  // After the site signed the user out, the tag adds a script with
  // data-feedback-sso-sign-out="$sleek.resetUser": the function's path, then string
  // arguments ("zE messenger logoutUser" calls zE("messenger", "logoutUser")). Widgets
  // load asynchronously, so wait for the function; no widget on the page, nothing to do.
  function signOut(call) {
    var words = call.split(" ");
    var triesLeft = WIDGET_WAIT_MS / POLL_MS;
    (function poll() {
      var found = lookUp(words[0]);
      if (found) {
        found.fn.apply(found.owner, words.slice(1));
      } else if (triesLeft > 0) {
        triesLeft -= 1;
        setTimeout(poll, POLL_MS);
      }
    })();
  }

  // A vendor's queue or config object as the page left it, or null: an element with that
  // id is a window property too, and must not be mistaken for one.
  function pageObject(name) {
    var value = window[name];
    return value && typeof value === "object" && !(value instanceof Node) ? value : null;
  }

  function whenGlobalFunction(name, what) {
    return new Promise(function (resolve, reject) {
      var triesLeft = WIDGET_WAIT_MS / POLL_MS;
      (function poll() {
        if (typeof window[name] === "function") {
          resolve(window[name]);
        } else if (triesLeft > 0) {
          triesLeft -= 1;
          setTimeout(poll, POLL_MS);
        } else {
          reject(new Error(what + " did not load within " + WIDGET_WAIT_MS / 1000 +
            " seconds (no window." + name + ")."));
        }
      })();
    });
  }

  // Frill's own snippet (Frill → Widgets → Install): until container.js loads, Frill() is a
  // stub that keeps each call in Frill.q with the promise it returned.
  function frillQueue() {
    if (typeof window.Frill === "function") {
      return window.Frill;
    }
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
    window.Frill = frill;
    return frill;
  }

  // https://developers.frill.co/frill-script/identifying-users
  VENDOR_STARTERS.frill = function (script, data) {
    var token = takeToken(script, data);
    var frill = frillQueue();
    if (data.scriptKey) {
      var options = { key: data.scriptKey };
      if (token) {
        options.ssoToken = token;
      }
      frill("container", options);
      loadScript(script, data.widgetSrc).catch(reportError);
    } else if (token) {
      frill("identify", { ssoToken: token });
    }
  };

  // https://nolt.io/help/single-sign-on: window.noltQueue, function nolt(){noltQueue.push(
  // arguments)}, nolt('identify', {jwt}), then widgets.js.
  VENDOR_STARTERS.nolt = function (script, data) {
    var token = takeToken(script, data);
    var queue = Array.isArray(window.noltQueue) ? window.noltQueue : (window.noltQueue = []);
    if (typeof window.nolt !== "function") {
      window.nolt = function () { queue.push(arguments); };
    }
    if (token) {
      window.nolt("identify", { jwt: token });
    }
    loadScript(script, data.widgetSrc).catch(reportError);
  };

  // https://help.uservoice.com/hc/en-us/articles/360062340693: UserVoice.push(['set',
  // {sso}]) before the widget launches; UserVoice's snippet starts with the same queue.
  VENDOR_STARTERS.uservoice = function (script, data) {
    var token = takeToken(script, data);
    var queue = pageObject("UserVoice") || (window.UserVoice = []);
    if (token) {
      queue.push(["set", { sso: token }]);
    }
    if (data.widgetSrc) {
      loadScript(script, data.widgetSrc).catch(reportError);
    }
  };

  // https://developer.zendesk.com/api-reference/widget-messaging/web/authentication: Zendesk
  // calls the loginUser callback whenever it needs a token, and refuses an expired one.
  function wireZendeskMessaging(tokenUrl) {
    return Promise.all([fetchToken(tokenUrl), whenGlobalFunction("zE", "Zendesk's Web Widget")])
      .then(function (ready) {
        var first = ready[0];
        var fetchedAt = Date.now();
        if (!first) {
          return;  // no token for this user: the widget stays anonymous
        }
        ready[1]("messenger", "loginUser", function (callback) {
          var token = first && Date.now() - fetchedAt < FRESH_MS ? first : null;
          first = null;
          (token ? Promise.resolve(token) : fetchToken(tokenUrl)).then(function (fresh) {
            if (fresh) {
              callback(fresh);
            } else {
              window.zE("messenger", "logoutUser");  // signed out meanwhile
            }
          });
        });
      }, function (error) {
        console.error("feedback-sso.js: " + error.message);
      });
  }

  VENDOR_STARTERS.zendesk_messaging = function (script, data) {
    if (data.tokenUrl) {
      wireZendeskMessaging(data.tokenUrl);
    }
  };

  // Intercom's snippet reads window.intercomSettings when the Messenger loads; a page
  // that assigns a new object after the tag would drop the JWT, so it is carried over
  // (none, once the tag ran for someone who gets no token).
  function keepIntercomJwt(token) {
    var existing = Object.getOwnPropertyDescriptor(window, "intercomSettings");
    if (existing && !existing.configurable) {
      return;
    }
    var current = window.intercomSettings;
    Object.defineProperty(window, "intercomSettings", {
      configurable: true,
      enumerable: true,
      get: function () { return current; },
      set: function (value) {
        current = value;
        if (token && value && typeof value === "object" && !value.intercom_user_jwt) {
          value.intercom_user_jwt = token;
        }
      }
    });
  }

  // The user_id of a JWT the tag put in intercomSettings (its payload is base64url JSON),
  // or null for none.
  function intercomUser(token) {
    try {
      var payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return String(JSON.parse(atob(payload)).user_id);
    } catch (error) {
      return null;
    }
  }

  // https://developers.intercom.com/installing-intercom/web/identity-verification
  VENDOR_STARTERS.intercom = function (script, data) {
    var token = takeToken(script, data);
    var settings = pageObject("intercomSettings") || {};
    var before = intercomUser(settings.intercom_user_jwt);
    settings.app_id = data.appId;
    if (token) {
      settings.intercom_user_jwt = token;
    } else {
      delete settings.intercom_user_jwt;  // the previous user's, on a page rendered again
    }
    keepIntercomJwt(token);  // first: an earlier run's setter would add its own JWT
    window.intercomSettings = settings;
    if (typeof window.Intercom === "function") {
      // Already loaded. The same user: what Intercom's snippet does on such a page. Another
      // user (or none): a change of user, which Intercom documents as shutdown, then boot
      // (https://developers.intercom.com/installing-intercom/docs/intercom-javascript).
      if (intercomUser(token) === before) {
        window.Intercom("update", settings);
      } else {
        window.Intercom("shutdown");
        window.Intercom("boot", settings);
      }
      return;
    }
    var stub = function () { stub.c(arguments); };
    stub.q = [];
    stub.c = function (args) { stub.q.push(args); };
    window.Intercom = stub;
    loadScript(script, data.widgetSrc).catch(reportError);
  };

  // https://help.announcekit.app/en/articles/6583616-jwt-user-authentication; the queue is
  // the one AnnounceKit's snippet starts.
  VENDOR_STARTERS.announcekit = function (script, data) {
    var token = takeToken(script, data);
    var kit = pageObject("announcekit");
    if (!kit || typeof kit.push !== "function") {
      kit = window.announcekit = {
        queue: [],
        on: function (name, handler) { kit.queue.push([name, handler]); },
        push: function (widget) { kit.queue.push(widget); }
      };
    }
    var widget = { widget: data.widgetUrl };
    if (data.selector) {
      widget.selector = data.selector;
    }
    if (token) {
      widget.user_token = token;
    }
    kit.push(widget);
    loadScript(script, data.widgetSrc).catch(reportError);
  };

  // https://help.changelogfy.com/en-us/article/single-sign-on-sso-sctjvs/
  VENDOR_STARTERS.changelogfy = function (script, data) {
    var token = takeToken(script, data);
    var config = { app_id: data.appId };
    if (data.selector) {
      config.selector = data.selector;
    }
    if (token) {
      config.sso = token;
    }
    window.CLF_config = config;
    loadScript(script, data.widgetSrc).catch(reportError);
  };

  // End of the vendors of issue 12, part two ---------------------------------------------

  // ---- Start ---------------------------------------------------------------------------

  window.FeedbackSSO = { fetchToken: fetchToken, wireSleekplan: wireSleekplan,
                         wireBoostGPT: wireBoostGPT, wireZendeskMessaging: wireZendeskMessaging,
                         signOut: signOut };

  var script = ownScript();
  if (!script) {
    return;
  }
  var vendor = script.dataset.feedbackSso;
  if (vendor === "post-form") {
    submitPostForm(script);
  } else if (script.dataset.feedbackSsoSignOut) {
    signOut(script.dataset.feedbackSsoSignOut);
  } else if (vendor === "sleekplan" && script.dataset.tokenUrl) {
    startSleekplan(script, script.dataset);
  } else if (vendor === "boostgpt" && script.dataset.tokenUrl && script.dataset.botId) {
    wireBoostGPT(script.dataset.tokenUrl, script.dataset.botId);
  } else if (Object.prototype.hasOwnProperty.call(VENDOR_STARTERS, vendor)) {
    VENDOR_STARTERS[vendor](script, script.dataset);
  }
})();
