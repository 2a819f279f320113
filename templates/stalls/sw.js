/* The stall's service worker: the stall page and its files stay on the device, so it opens with no signal.

   Network first: online, the page is always the server's latest (a revoked
   stall says so at once) and the copy is refreshed; offline, the last copy
   is served. Only GETs of this site are touched; the signatures themselves
   wait in IndexedDB (static/js/stall.js), never in this cache. */
"use strict";
var CACHE = "stall-v1";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      // Offline: this exact address, else the same stall's page without its "signed=1".
      var plain = new URL(request.url);
      plain.searchParams.delete("signed");
      return caches.match(request).then(function (hit) {
        return hit || caches.match(plain.href);
      }).then(function (hit) { return hit || Response.error(); });
    })
  );
});
