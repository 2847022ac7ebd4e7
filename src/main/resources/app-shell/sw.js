// Aftercare's service worker (served at /sw.js by AppShellController, which fills in the
// version and the lists below). It keeps the app's static files and the offline page in
// each language, nothing else: pages go to the network every time, and when the network
// is not there the offline page stands in, in the language of the last page shown. No
// page with anyone's data is ever stored.
'use strict';

var VERSION = '__VERSION__';
var CACHE = 'aftercare-static-' + VERSION;
var OFFLINE = '__OFFLINE__';
var OFFLINE_PAGES = '__OFFLINE_PAGES__';
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

// Each page says its language (app.js): that language's offline page takes the place of
// the one shown, which was fetched in the browser's language, so that a patient who reads
// Spanish on a phone set to English is told in Spanish.
self.addEventListener('message', function (event) {
  var language = event.data && event.data.offlineLanguage;
  if (typeof language !== 'string' || !Object.prototype.hasOwnProperty.call(OFFLINE_PAGES, language)) {
    return;
  }
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.match(OFFLINE_PAGES[language]).then(function (page) {
      return page ? cache.put(OFFLINE, page) : undefined;
    });
  }));
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
