// Draws the console's charts: each <canvas data-chart="id"> gets the Chart.js configuration held
// in <script type="application/json" id="id"> (data only: no code comes from the page).
(function () {
  'use strict';
  function draw() {
    if (typeof window.Chart !== 'function') return;
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var source = document.getElementById(canvas.getAttribute('data-chart'));
      if (!source) return;
      var config;
      try {
        config = JSON.parse(source.textContent || '{}');
      } catch (e) {
        return;
      }
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
      new window.Chart(canvas, config);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
