// Keeps a quiz's results table current while the quiz is open: every 15 seconds the page is fetched
// again and only the table body is replaced, so the teacher's scroll position and focus stay put.
(function () {
  'use strict';
  var table = document.querySelector('table[data-live="true"]');
  if (!table) {
    return;
  }
  var status = document.getElementById('live-status');
  function refresh() {
    fetch(location.href, { credentials: 'same-origin', cache: 'no-store', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('table[data-live] tbody');
        var current = table.querySelector('tbody');
        // Only a real change is announced, so a screen reader is not interrupted every 15 seconds.
        if (fresh && fresh.innerHTML !== current.innerHTML) {
          current.replaceWith(fresh);
          status.textContent = 'The results table has changed.';
        }
      })
      .catch(function () { status.textContent = 'Could not update the status; it will try again.'; });
  }
  setInterval(refresh, 15000);
}());
