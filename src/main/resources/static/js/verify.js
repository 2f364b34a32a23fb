/* «Проверка документа»: the certificate module's verdict on an uploaded PDF, or on a number with the IIN/BIN. */
(function () {
  'use strict';
  var verdict = document.getElementById('verdict');
  var texts = verdict.dataset;
  var names = document.getElementById('certificate-names').content;

  function row(list, term, value) {
    if (!value) {
      return;
    }
    var dt = document.createElement('dt');
    dt.textContent = term;
    var dd = document.createElement('dd');
    dd.textContent = value;
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function show(answer) {
    verdict.textContent = '';
    verdict.hidden = false;
    var heading = document.createElement('h2');
    heading.id = 'verdict-text';
    heading.className = answer.authentic ? 'ok' : 'error';
    heading.textContent = answer.authentic ? texts.authentic : texts.notAuthentic;
    verdict.appendChild(heading);
    var facts = document.createElement('dl');
    facts.className = 'facts';
    if (answer.authentic) {
      var name = names.querySelector('[data-type="' + answer.certificate + '"]');
      row(facts, texts.number, answer.documentNumber + (name ? ' · ' + name.textContent : ''));
      row(facts, texts.issued, new Date(answer.issuedAt).toLocaleString(document.documentElement.lang,
        { timeZone: texts.zone }));
      row(facts, texts.signer, answer.signer);
      row(facts, texts.subject, answer.subjectIin);
    } else {
      row(facts, texts.reason, answer.reason);
    }
    verdict.appendChild(facts);
    heading.tabIndex = -1;
    heading.focus();
  }

  function problem(response, field) {
    return response.json().then(function (json) {
      if (response.ok) {
        show(json);
        return;
      }
      verdict.hidden = true;
      field.textContent = json.detail || texts.failed;
    });
  }

  document.getElementById('verify-file').addEventListener('submit', function (event) {
    event.preventDefault();
    var error = document.getElementById('pdf-error');
    var file = document.getElementById('pdf').files[0];
    error.textContent = '';
    if (!file) {
      error.textContent = texts.choose;
      return;
    }
    var headers = NCALayerHeaders();
    headers['Content-Type'] = 'application/pdf';
    fetch('/api/v1/verification', { method: 'POST', headers: headers, body: file, credentials: 'same-origin' })
      .then(function (response) { return problem(response, error); })
      .catch(function () { error.textContent = texts.failed; });
  });

  document.getElementById('verify-number').addEventListener('submit', function (event) {
    event.preventDefault();
    var error = document.getElementById('number-error');
    var number = document.getElementById('number').value.trim();
    var identifier = document.getElementById('identifier').value.trim();
    error.textContent = '';
    if (!number || !identifier) {
      error.textContent = texts.fill;
      return;
    }
    // The IIN/BIN travels in the body, not the URL, so that no proxy or access log keeps it.
    var headers = NCALayerHeaders();
    headers['Content-Type'] = 'application/json';
    headers.Accept = 'application/json';
    fetch('/api/v1/verification/' + encodeURIComponent(number), { method: 'POST', headers: headers,
      body: JSON.stringify({ iin: identifier }), credentials: 'same-origin' })
      .then(function (response) { return problem(response, error); })
      .catch(function () { error.textContent = texts.failed; });
  });

  function NCALayerHeaders() {
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    var headers = {};
    if (header && token) {
      headers[header.content] = token.content;
    }
    return headers;
  }
})();
