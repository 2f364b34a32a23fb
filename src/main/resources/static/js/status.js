/* Step 3: the status follows the request without reloading; «Обновить статус» asks at once. */
(function () {
  'use strict';
  var section = document.getElementById('request');
  var status = document.getElementById('status');
  var download = document.getElementById('download');
  var labels = document.getElementById('status-labels').content;
  var timer = null;

  function show(name) {
    var label = labels.querySelector('[data-status="' + name + '"]');
    status.textContent = label ? label.textContent : name;
    status.className = 'status status-' + name;
    status.dataset.status = name;
    download.hidden = name !== 'ISSUED';
  }

  function refresh() {
    return fetch(section.dataset.statusUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (!answer) {
          return;
        }
        show(answer.status);
        if (answer.final && timer) {
          window.clearInterval(timer);
          timer = null;
        }
      })
      .catch(function () { /* the next poll tries again */ });
  }

  document.getElementById('refresh').addEventListener('click', function (event) {
    event.preventDefault();
    refresh();
  });
  if (status.dataset.status !== 'ISSUED') {
    timer = window.setInterval(refresh, 3000);
  }
})();
