// Aftercare's service worker (served at /sw.js by AppShellController, which fills in the
// version and the list below). It keeps the app's static files and the offline page,
// nothing else: pages go to the network every time, and when the network is not there
// the offline page stands in. No page with anyone's data is ever stored.
'use strict';

var VERSION = '__VERSION__';
var CACHE = 'aftercare-static-' + VERSION;
var OFFLINE = '__OFFLINE__';
var PRECACHE = '__PRECACHE__';

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) {
      // Without cookies, so that what is stored cannot depend on who was signed in.
      return cache.addAll(PRECACHE.map(function (url) {
        return new Request(url, { credentials: 'omit', cache: 'reload' });
      }));
    })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys()
    .then(function (names) {
      return Promise.all(names
        .filter(function (name) { return name.indexOf('aftercare-') === 0 && name !== CACHE; })
        .map(function (name) { return caches.delete(name); }));
    })
    .then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(function () {
      return caches.open(CACHE).then(function (cache) { return cache.match(OFFLINE); });
    }));
    return;
  }
  if (url.search === '' && PRECACHE.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(url.pathname).then(function (hit) { return hit || fetch(request); });
    }));
  }
});
