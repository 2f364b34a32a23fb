/* Step 2: NCALayer signs the draft's data with the SIGN key; the CMS goes back with the form. */
(function () {
  'use strict';
  var form = document.getElementById('sign-form');
  var button = document.getElementById('sign-button');
  var error = document.getElementById('sign-error');

  button.addEventListener('click', function () {
    button.disabled = true;
    error.textContent = document.getElementById('ncalayer-messages').dataset.working;
    NCALayer.sign({ url: form.dataset.ncalayer, person: form.dataset.person, data: form.dataset.sign,
      format: 'cms', purpose: 'sign', locale: document.documentElement.lang
    }).then(function (cms) {
      document.getElementById('cms').value = cms;
      form.submit();
    }).catch(function (failure) {
      button.disabled = false;
      NCALayer.explain(failure, error);
    });
  });
})();
