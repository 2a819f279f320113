/* Stall mode on the device: signatures wait in IndexedDB until the server has them, each under an id made here.

   Without this script the form is an ordinary POST and works online. With
   it, pressing "Sign" keeps the signature on the device first, clears the
   form for the next person and sends everything waiting whenever there is
   a signal (on load, when the browser comes online, after each signature
   and every 15 seconds). The server records each id once, so a signature
   sent twice (the answer lost on the way back) counts once; the device
   forgets an id only when the server says it has it. A service worker
   (/stall/sw.js) keeps the page itself, so it opens again with no signal.
   After two idle minutes the form is emptied and covered by "Tap to sign":
   a half-typed name or address is never left for the next person to see.
   Everything it says comes from the page, in the page's language: the
   stall's data-say-* attributes (templates/stalls/stall.html), a count or a
   reason put in where they hold {n} or {reason}. */
(function () {
  "use strict";
  var root = document.querySelector("[data-stall]");
  if (!root || !window.indexedDB || !window.fetch) return;
  var stallId = root.getAttribute("data-stall-id");
  var form = root.querySelector("[data-stall-form]");
  var statusBox = root.querySelector("[data-stall-status]");
  var totalBox = document.querySelector("[data-stall-total]");
  var thanks = root.querySelector("[data-stall-thanks]");
  var cover = root.querySelector("[data-stall-cover]");
  var formArea = root.querySelector("[data-stall-form-area]");
  var IDLE_MS = 2 * 60 * 1000;
  var RETRY_MS = 15 * 1000;
  var BATCH = 100; // the server takes at most 200 in one request
  var sending = false;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 15) | 64;
    bytes[8] = (bytes[8] & 63) | 128;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  /* The outbox: one IndexedDB store of signatures not yet received, keyed by their id. */
  var dbReady = new Promise(function (resolve, reject) {
    var opening = indexedDB.open("campaign-stall", 1);
    opening.onupgradeneeded = function () { opening.result.createObjectStore("outbox", { keyPath: "entry" }); };
    opening.onsuccess = function () { resolve(opening.result); };
    opening.onerror = function () { reject(opening.error); };
  });

  function store(mode, work) {
    return dbReady.then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction("outbox", mode);
        var result = work(tx.objectStore("outbox"));
        tx.oncomplete = function () { resolve(result && "result" in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }

  function waiting() {
    return store("readonly", function (outbox) { return outbox.getAll(); }).then(function (all) {
      return all.filter(function (item) { return item.stall === stallId; });
    });
  }

  /* The page's words for `key` (data-say-key), with `values` put in: {n: 3} fills "{n}". */
  function words(key, values) {
    var text = root.getAttribute("data-say-" + key) || "";
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  function say(text) { statusBox.textContent = text; }

  /* "N signatures are kept on this device", one sentence for 1 and one for more (its Welsh says "o lofnodion" for any n above 1). */
  function sayWaiting(count, why) {
    if (!count) { say(why || ""); return; }
    say(words(count === 1 ? "kept-one" : "kept-other", { n: count }) + " " + (why || words("later")));
  }

  /* Send everything waiting for this stall; forget what the server says it holds (or refuses for good). */
  function send() {
    if (sending) return Promise.resolve();
    sending = true;
    return waiting().then(function (items) {
      if (!items.length) { say(""); return; }
      var batch = items.slice(0, BATCH);
      var body = JSON.stringify({ stall: stallId, entries: batch.map(function (item) { return item.data; }) });
      return fetch(root.getAttribute("data-entries-url"), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: body,
        credentials: "same-origin",
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (response.status === 410 || response.status === 404 || response.status === 403) {
            sayWaiting(items.length, words("not-sent", { reason: answer.error || words("link-gone") }));
            return;
          }
          if (!response.ok) { sayWaiting(items.length); return; }
          var done = (answer.received || []).concat(Object.keys(answer.refused || {}));
          return store("readwrite", function (outbox) {
            done.forEach(function (id) { outbox.delete(id); });
          }).then(function () {
            if (totalBox && typeof answer.total === "number") totalBox.textContent = String(answer.total);
            var refused = Object.keys(answer.refused || {}).length;
            var left = items.length - done.length;
            sayWaiting(left, refused ? words("refused", { n: refused }) : "");
            return left && done.length ? "more" : "";
          });
        });
      }, function () { sayWaiting(items.length); });
    }).catch(function () {
      say(words("no-storage"));
    }).then(function (more) {
      sending = false;
      if (more === "more") send(); // a long day offline: the rest, a batch at a time
    }, function () { sending = false; });
  }

  /* Keep the page and its files for opening with no signal (the service worker serves them then). */
  function keepForOffline() {
    if (!("serviceWorker" in navigator) || !window.caches) return;
    navigator.serviceWorker.register(root.getAttribute("data-worker-url"), { scope: root.getAttribute("data-scope") })
      .catch(function () { /* no worker: the page still signs while online */ });
    var page = new URL(location.href);
    page.searchParams.delete("signed");
    var files = [page.href];
    document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) { files.push(el.href || el.src); });
    caches.open("stall-v1").then(function (cache) { return cache.addAll(files); }).catch(function () {});
  }

  function showForm() {
    cover.hidden = true;
    formArea.hidden = false;
    form.querySelector("input:not([type=hidden])").focus();
  }

  function clearForm() {
    form.reset();
    form.querySelectorAll(".field-error").forEach(function (el) { el.remove(); });
    form.querySelectorAll(".has-error").forEach(function (el) { el.classList.remove("has-error"); });
    var summary = root.querySelector(".error-summary");
    if (summary) summary.remove();
  }

  function lock() {
    clearForm();
    thanks.hidden = true;
    formArea.hidden = true;
    cover.hidden = false;
  }

  var idle;
  function awake() {
    clearTimeout(idle);
    idle = setTimeout(lock, IDLE_MS);
  }

  /* Required fields: the page's own message, or the browser's (the fields are `required`) if the page gave none. */
  function valid() {
    var email = form.elements.email, name = form.elements.name;
    email.required = form.elements.keep_informed.checked;
    email.setCustomValidity(email.required && !email.value.trim() ? words("need-email") : "");
    name.setCustomValidity(name.value.trim() ? "" : words("need-name"));
    return form.reportValidity();
  }

  function onSubmit(event) {
    event.preventDefault();
    if (!valid()) return;
    var fields = form.elements;
    var data = {
      entry: newId(),
      name: fields.name.value,
      email: fields.email.value.trim(),
      town: fields.town.value,
      show_publicly: fields.show_publicly.checked,
      keep_informed: fields.keep_informed.checked,
      website: fields.website ? fields.website.value : "",
    };
    store("readwrite", function (outbox) {
      outbox.put({ entry: data.entry, stall: stallId, data: data, made_at: new Date().toISOString() });
    }).then(function () {
      clearForm();
      thanks.hidden = false;
      thanks.focus();
      send();
    }, function () {
      form.submit(); // no storage on this device: the ordinary POST, online
    });
  }

  if (form) {
    form.elements.name.required = true;
    form.addEventListener("submit", onSubmit);
    form.addEventListener("input", function () { thanks.hidden = true; });
    root.querySelector("[data-stall-start]").addEventListener("click", showForm);
    ["pointerdown", "keydown", "input"].forEach(function (type) { document.addEventListener(type, awake, true); });
    awake();
    if (new URL(location.href).searchParams.get("signed")) {
      var plain = new URL(location.href);
      plain.searchParams.delete("signed");
      history.replaceState(null, "", plain.href);
    }
  }
  keepForOffline();
  window.addEventListener("online", send);
  setInterval(send, RETRY_MS);
  send();
})();
