// Draws the analytics table as a bar chart with 95% interval whiskers, the clinic's
// overall rate and the published reference line. The table stays the primary content:
// without script, or without uPlot, the page is complete.
(function () {
  'use strict';

  function number(value) {
    if (value === undefined || value === null || value === '') {
      return null;
    }
    var parsed = Number(value);
    return isFinite(parsed) ? parsed * 100 : null;
  }

  function readRows(table) {
    return Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (row) {
      return {
        label: row.dataset.label,
        incidence: number(row.dataset.incidence),
        lower: number(row.dataset.lower),
        upper: number(row.dataset.upper),
        signal: row.dataset.signal === 'true'
      };
    });
  }

  function horizontal(u, ctx, value, colour, dash) {
    if (value === null) {
      return;
    }
    var y = u.valToPos(value, 'y', true);
    ctx.save();
    ctx.strokeStyle = colour;
    ctx.lineWidth = 2 * devicePixelRatio;
    ctx.setLineDash(dash.map(function (d) { return d * devicePixelRatio; }));
    ctx.beginPath();
    ctx.moveTo(u.bbox.left, y);
    ctx.lineTo(u.bbox.left + u.bbox.width, y);
    ctx.stroke();
    ctx.restore();
  }

  function draw(container, table) {
    var rows = readRows(table);
    if (!rows.length || typeof uPlot === 'undefined') {
      return;
    }
    var overall = number(container.dataset.overall);
    var reference = number(container.dataset.reference);
    var top = Math.max.apply(null, rows.map(function (r) { return r.upper || 0; })
      .concat([overall || 0, reference || 0, 1]));
    var xs = rows.map(function (r, i) { return i; });
    var ys = rows.map(function (r) { return r.incidence; });

    var whiskers = function (u) {
      var ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = '#1b1f24';
      ctx.lineWidth = 2 * devicePixelRatio;
      rows.forEach(function (r, i) {
        if (r.lower === null || r.upper === null) {
          return;
        }
        var x = u.valToPos(i, 'x', true);
        var y1 = u.valToPos(r.lower, 'y', true);
        var y2 = u.valToPos(r.upper, 'y', true);
        var cap = 6 * devicePixelRatio;
        ctx.beginPath();
        ctx.moveTo(x, y1);
        ctx.lineTo(x, y2);
        ctx.moveTo(x - cap, y1);
        ctx.lineTo(x + cap, y1);
        ctx.moveTo(x - cap, y2);
        ctx.lineTo(x + cap, y2);
        ctx.stroke();
      });
      ctx.restore();
      horizontal(u, ctx, overall, '#0b5c74', [8, 4]);
      horizontal(u, ctx, reference, '#a4161a', [2, 4]);
    };

    var width = Math.max(280, Math.min(container.clientWidth || 640, 900));
    var options = {
      width: width,
      height: 320,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.5, rows.length - 0.5] },
        y: { range: [0, Math.min(100, top * 1.15)] }
      },
      axes: [
        {
          splits: function () { return xs; },
          values: function (u, splits) {
            return splits.map(function (i) { return rows[i] ? rows[i].label : ''; });
          },
          grid: { show: false },
          size: 60
        },
        {
          label: container.dataset.seriesLabel,
          values: function (u, splits) { return splits.map(function (v) { return v + '%'; }); }
        }
      ],
      series: [
        {},
        {
          label: container.dataset.seriesLabel,
          fill: '#7fb3c4',
          stroke: '#0b5c74',
          paths: uPlot.paths.bars({ size: [0.6, 80] }),
          points: { show: false }
        }
      ],
      hooks: { draw: [whiskers] }
    };
    new uPlot(options, [xs, ys], container);

    var legend = document.createElement('ul');
    legend.className = 'analytics-legend';
    [[overall, 'overall', container.dataset.overallLabel], [reference, 'reference', container.dataset.referenceLabel]]
      .forEach(function (item) {
        if (item[0] === null) {
          return;
        }
        var li = document.createElement('li');
        li.className = 'legend-' + item[1];
        li.textContent = item[2] + ': ' + item[0].toFixed(1) + '%';
        legend.appendChild(li);
      });
    container.appendChild(legend);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var container = document.getElementById('analytics-chart');
    var table = document.getElementById('analytics-table');
    if (container && table) {
      draw(container, table);
    }
  });
})();
