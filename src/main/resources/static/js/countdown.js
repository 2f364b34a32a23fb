/* The cabinet: each pending request's time left, counting down. */
(function () {
  'use strict';
  var clocks = document.querySelectorAll('.countdown');
  // The page says what time the server had; the countdown keeps that offset to the phone's own clock.
  var offset = clocks.length > 0 && clocks[0].dataset.now ? Date.parse(clocks[0].dataset.now) - Date.now() : 0;

  function pad(n) { return n < 10 ? '0' + n : String(n); }

  function tick() {
    var now = Date.now() + offset;
    clocks.forEach(function (clock) {
      var left = Math.floor((Date.parse(clock.dataset.deadline) - now) / 1000);
      if (left <= 0) {
        clock.textContent = clock.dataset.over;
        return;
      }
      clock.textContent = Math.floor(left / 3600) + ':' + pad(Math.floor(left / 60) % 60) + ':' + pad(left % 60);
    });
  }
  tick();
  window.setInterval(tick, 1000);
})();
