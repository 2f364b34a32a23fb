/* The operator page: counters and the parts' states follow the service without reloading. */
(function () {
  'use strict';
  var page = document.getElementById('operator');
  var labels = document.getElementById('health-labels').content;
  var updated = document.getElementById('operator-updated');

  function text(id, value) {
    var element = document.getElementById(id);
    if (element && value !== undefined && value !== null) {
      element.textContent = String(value);
    }
  }

  function showSms(sms) {
    text('sms-pending', sms.pending);
    text('sms-sent', sms.sent);
    text('sms-gave-up', sms.gaveUp);
    var session = document.getElementById('sms-session');
    session.className = sms.bound ? 'ok' : 'error';
    session.textContent = sms.bound ? page.dataset.bound : page.dataset.unbound;
  }

  function showPart(name, code) {
    var row = document.getElementById('part-' + name);
    var cell = row && row.querySelector('[data-status]');
    if (!cell) {
      return;
    }
    var label = labels.querySelector('[data-status="' + code + '"]');
    cell.dataset.status = code;
    cell.textContent = label ? label.textContent : code;
    cell.className = code === 'UP' ? 'ok' : (code === 'UNKNOWN' ? 'hint' : 'error');
  }

  function refresh() {
    fetch(page.dataset.summaryUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (summary) {
        if (!summary) {
          return;
        }
        Object.keys(summary.requests).forEach(function (status) {
          text('count-' + status, summary.requests[status]);
        });
        showSms(summary.sms);
        Object.keys(summary.parts).forEach(function (name) { showPart(name, summary.parts[name]); });
        updated.textContent = page.dataset.updated + ' ' + new Date().toLocaleTimeString(
          document.documentElement.lang, { timeZone: page.dataset.zone });
      })
      .catch(function () { /* the next poll tries again */ });
  }

  window.setInterval(refresh, Number(page.dataset.every) || 5000);
})();
