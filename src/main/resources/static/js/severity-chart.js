// Draws the recovery chart (severity per symptom by day since treatment) with uPlot.
// Progressive enhancement: without this script the page still has the same data as a table.
(function () {
  'use strict';

  var COLOURS = ['#0b5c74', '#a4161a', '#1e7b4a', '#7a4fa3', '#b85c00', '#33475b', '#c2185b', '#00796b'];

  function treatmentMarker(label) {
    return {
      hooks: {
        draw: [function (u) {
          var x = Math.round(u.valToPos(0, 'x', true));
          var ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#1b1f24';
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = '#1b1f24';
          ctx.font = (12 * devicePixelRatio) + 'px system-ui, sans-serif';
          // uPlot leaves the alignment of its last axis (right-aligned values): without
          // this the label ran left, over the axis, on a narrow phone.
          ctx.textAlign = 'left';
          ctx.textBaseline = 'alphabetic';
          ctx.fillText(label, x + 4 * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
          ctx.restore();
        }]
      }
    };
  }

  // The width of its place on the page: wider, it was cut off by the container on a
  // narrow phone.
  function chartWidth(container) {
    return Math.max(200, container.clientWidth);
  }

  function draw(container, chart) {
    var width = chartWidth(container);
    var series = [{ label: chart.dayLabel }];
    var data = [chart.days];
    chart.series.forEach(function (s, i) {
      series.push({
        label: s.label,
        stroke: COLOURS[i % COLOURS.length],
        width: 2,
        spanGaps: true,
        points: { size: 8 }
      });
      data.push(s.values);
    });
    var options = {
      width: width,
      height: 260,
      series: series,
      scales: { x: { time: false }, y: { range: [0, 10] } },
      axes: [
        { label: chart.dayLabel, incrs: [1, 2, 5, 7, 14] },
        { incrs: [1, 2, 5], values: function (u, vals) { return vals.map(function (v) { return String(v); }); } }
      ],
      legend: { live: false },
      plugins: [treatmentMarker(chart.treatmentLabel)]
    };
    var plot = new uPlot(options, data, container);
    window.addEventListener('resize', function () {
      plot.setSize({ width: chartWidth(container), height: 260 });
    });
    container.setAttribute('data-drawn', 'true');
  }

  function init() {
    var container = document.querySelector('[data-chart-url]');
    if (!container || typeof uPlot === 'undefined' || !window.fetch) {
      return;
    }
    fetch(container.getAttribute('data-chart-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (chart) {
        if (chart && chart.series.length > 0) {
          draw(container, chart);
        }
      })
      .catch(function () { /* the table below still says it all */ });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
}());
