/*
 * Signing with NCALayer over its WebSocket protocol (module kz.gov.pki.knca.basics, method sign).
 * The address is the page's: data-ncalayer on the form. A relative path (embedded mode) means the application's own
 * NCALayer-compatible signer on the same host; then the demo person to sign as goes in the address.
 */
(function () {
  'use strict';

  var CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
  var EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';

  function address(configured, person) {
    if (configured.indexOf('/') !== 0) {
      return configured;
    }
    var scheme = window.location.protocol === 'https:' ? 'wss://' : 'ws://';
    var query = person ? '?person=' + encodeURIComponent(person) : '';
    return scheme + window.location.host + configured + query;
  }

  function failure(kind, detail) {
    var error = new Error(kind);
    error.kind = kind;
    error.detail = detail || '';
    return error;
  }

  /**
   * Signs data (base64) and resolves with the base64 CMS (or the signed XML).
   * options: url, person, data, format ('cms' | 'xml'), purpose ('auth' | 'sign'), locale.
   */
  function sign(options) {
    return new Promise(function (resolve, reject) {
      var socket;
      var settled = false;
      try {
        socket = new WebSocket(address(options.url, options.person));
      } catch (e) {
        reject(failure('not-running', String(e)));
        return;
      }
      function finish(outcome, value) {
        if (settled) {
          return;
        }
        settled = true;
        try { socket.close(); } catch (ignored) { /* already closed */ }
        outcome(value);
      }
      socket.onopen = function () {
        socket.send(JSON.stringify({
          module: 'kz.gov.pki.knca.basics',
          method: 'sign',
          args: {
            allowedStorages: ['PKCS12'],
            format: options.format || 'cms',
            data: options.data,
            signingParams: { decode: true, encapsulate: true, digested: false },
            signerParams: {
              extKeyUsageOids: [options.purpose === 'auth' ? CLIENT_AUTH : EMAIL_PROTECTION],
              chain: []
            },
            locale: options.locale || 'ru'
          }
        }));
      };
      socket.onmessage = function (event) {
        var answer;
        try {
          answer = JSON.parse(event.data);
        } catch (e) {
          finish(reject, failure('failed', 'not JSON'));
          return;
        }
        if (answer.result && answer.result.version && answer.status === undefined) {
          return; // NCALayer's greeting
        }
        if (answer.status === true) {
          var result = answer.body && answer.body.result;
          var signed = Array.isArray(result) ? result[0] : result;
          if (!signed) {
            finish(reject, failure('canceled'));
          } else {
            finish(resolve, signed);
          }
          return;
        }
        var code = String(answer.code || '');
        if (code === 'USER_CANCELED' || code === 'CANCELED' || (!answer.body && !answer.code && !answer.message)) {
          finish(reject, failure('canceled'));
        } else {
          finish(reject, failure('failed', code + ' ' + (answer.message || '')));
        }
      };
      socket.onerror = function () {
        finish(reject, failure('not-running'));
      };
      socket.onclose = function () {
        finish(reject, failure('not-running'));
      };
    });
  }

  /** Shows a signing failure in the element, in the page's language, with the install link when not running. */
  function explain(error, element) {
    var texts = document.getElementById('ncalayer-messages').dataset;
    element.textContent = '';
    if (error.kind === 'not-running') {
      element.appendChild(document.createTextNode(texts.notRunning + ' '));
      var link = document.createElement('a');
      link.href = texts.installUrl;
      link.textContent = texts.install;
      link.rel = 'noopener';
      link.target = '_blank';
      element.appendChild(link);
    } else if (error.kind === 'canceled') {
      element.textContent = texts.canceled;
    } else {
      element.textContent = texts.failed + (error.detail ? ' (' + error.detail + ')' : '');
    }
  }

  function csrf() {
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    var headers = {};
    if (header && token) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  window.NCALayer = { sign: sign, explain: explain, csrf: csrf };
})();
