/* «Входящие»: the outcomes of the party's requests, from /api/v1/inbox with the page's session. */
(function () {
  'use strict';
  var box = document.getElementById('inbox');
  fetch('/api/v1/inbox', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (response) { return response.json(); })
    .then(function (answer) {
      box.textContent = '';
      if (!answer.items || answer.items.length === 0) {
        var empty = document.createElement('p');
        empty.textContent = box.dataset.empty;
        box.appendChild(empty);
        return;
      }
      var list = document.createElement('ul');
      list.className = 'messages';
      answer.items.forEach(function (message) {
        var item = document.createElement('li');
        item.className = 'panel status-' + message.status;
        var when = document.createElement('time');
        when.dateTime = message.at;
        when.textContent = new Date(message.at).toLocaleString(document.documentElement.lang,
          { timeZone: box.dataset.zone });
        var text = document.createElement('p');
        text.textContent = message.text;
        var open = document.createElement('a');
        open.href = '/requests/' + encodeURIComponent(message.requestId);
        open.textContent = box.dataset.open;
        item.appendChild(when);
        item.appendChild(text);
        item.appendChild(open);
        list.appendChild(item);
      });
      box.appendChild(list);
    });
})();
