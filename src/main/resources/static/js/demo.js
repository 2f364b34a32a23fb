/* The demo page: each person's phone shows the SMS the embedded SMS centre got for it; the box answers. */
(function () {
  'use strict';
  var phones = document.querySelectorAll('.phone');

  function load(phone) {
    fetch('/demo/sms?phone=' + encodeURIComponent(phone.dataset.phone), { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        var list = phone.querySelector('.sms');
        if (list.childElementCount === answer.messages.length) {
          return;
        }
        list.textContent = '';
        answer.messages.forEach(function (sms) {
          var item = document.createElement('li');
          var from = document.createElement('strong');
          from.textContent = sms.sender + ' ';
          item.appendChild(from);
          item.appendChild(document.createTextNode(sms.text));
          list.appendChild(item);
        });
      })
      .catch(function () { /* the next poll tries again */ });
  }

  phones.forEach(function (phone) {
    load(phone);
    window.setInterval(function () { load(phone); }, 2000);
    phone.querySelector('.sms-reply').addEventListener('submit', function (event) {
      event.preventDefault();
      var input = event.target.querySelector('input');
      fetch('/demo/sms/reply', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: phone.dataset.phone, text: input.value }) })
        .then(function () {
          input.value = '';
          window.setTimeout(function () { load(phone); }, 800);
        });
    });
  });
})();
