/* Sign-in: a challenge from the API, signed by NCALayer with the AUTH key, traded for a token, kept in a session. */
(function () {
  'use strict';
  var form = document.getElementById('signin-form');
  var button = document.getElementById('signin-button');
  var error = document.getElementById('signin-error');
  var person = document.getElementById('demo-person');

  function post(url, body) {
    var headers = NCALayer.csrf();
    headers['Content-Type'] = 'application/json';
    return fetch(url, { method: 'POST', headers: headers, body: body ? JSON.stringify(body) : null,
      credentials: 'same-origin' }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          var failure = new Error(json.code || 'failed');
          failure.kind = 'server';
          failure.detail = json.detail || '';
          throw failure;
        }
        return json;
      });
    });
  }

  button.addEventListener('click', function () {
    button.disabled = true;
    error.textContent = document.getElementById('ncalayer-messages').dataset.working;
    post('/api/v1/auth/challenge').then(function (challenge) {
      return NCALayer.sign({ url: form.dataset.ncalayer, person: person ? person.value : '', data: challenge.nonce,
        format: 'cms', purpose: 'auth', locale: document.documentElement.lang });
    }).then(function (cms) {
      return post('/api/v1/auth/token', { cms: cms });
    }).then(function (token) {
      document.getElementById('access-token').value = token.accessToken;
      form.submit();
    }).catch(function (failure) {
      button.disabled = false;
      if (failure.kind === 'server') {
        error.textContent = failure.detail;
      } else {
        NCALayer.explain(failure, error);
      }
    });
  });
})();
