// On every page: registers the service worker (which keeps only static files and the
// offline pages), tells it the language of this page, so that the offline page it shows
// is in the language its reader reads, and clears every report draft kept on this device
// when someone signs out, so that the next person on the same phone finds none.
(function () {
  'use strict';

  var DRAFT_PREFIX = 'aftercare.draft.';

  function clearDrafts() {
    try {
      var keys = [];
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key && key.indexOf(DRAFT_PREFIX) === 0) {
          keys.push(key);
        }
      }
      keys.forEach(function (key) { localStorage.removeItem(key); });
    }
    catch (e) {
      // Storage turned off: there is nothing kept to clear.
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('form[action$="/logout"]'), function (form) {
      form.addEventListener('submit', clearDrafts);
    });
    var script = document.querySelector('script[data-service-worker]');
    if (script && 'serviceWorker' in navigator) {
      navigator.serviceWorker.register(script.getAttribute('data-service-worker'))
        .then(function () {
          return navigator.serviceWorker.ready;
        })
        .then(function (registration) {
          var language = document.documentElement.lang;
          if (registration.active && language) {
            registration.active.postMessage({ offlineLanguage: language });
          }
        })
        .catch(function () {
          // Without a worker the app works as before; it is only not available offline.
        });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
}());
