// Shows "N new flags" on the queue without a full reload. The page works without it: reload to see new flags.
(function () {
  'use strict';
  var queue = document.getElementById('queue');
  var notice = document.getElementById('new-flags');
  var text = document.getElementById('new-flags-text');
  if (!queue || !notice || !text || !window.fetch) {
    return;
  }
  var url = queue.getAttribute('data-count-url') + '?since=' + encodeURIComponent(queue.getAttribute('data-since'));
  function check() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body && body.count > 0) {
          text.textContent = text.getAttribute('data-template').replace('{0}', String(body.count));
          notice.hidden = false;
        }
      })
      .catch(function () { /* offline for a moment: try again at the next tick */ });
  }
  window.setInterval(check, 30000);
})();
