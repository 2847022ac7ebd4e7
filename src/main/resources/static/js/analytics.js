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

    var options = {
      width: chartWidth(container),
      height: 320,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.5, rows.length - 0.5] },
        y: { range: [0, Math.min(100, top * 1.15)] }
      },
      axes: [
        {
          // The names go under the bars as text of the page (below), which wraps within
          // each bar's width: drawn on the canvas, long names ran into each other.
          splits: function () { return xs; },
          values: function (u, splits) { return splits.map(function () { return ''; }); },
          grid: { show: false },
          size: 12
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
      // uPlot sizes the plot after it returns: the names are placed once it is drawn.
      hooks: { draw: [whiskers, function (u) { placeLabels(u, labels); }] }
    };
    var labels = document.createElement('div');
    labels.className = 'analytics-x-labels';
    rows.forEach(function (r) {
      var label = document.createElement('span');
      label.className = 'analytics-x-label';
      label.textContent = r.label;
      labels.appendChild(label);
    });
    var plot = new uPlot(options, [xs, ys], container);
    container.appendChild(labels);
    placeLabels(plot, labels);
    window.addEventListener('resize', function () {
      plot.setSize({ width: chartWidth(container), height: 320 });
    });

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
    container.setAttribute('data-drawn', 'true');
  }

  // As wide as its place on the page (the table is above it, never beside it), at most
  // 900 pixels.
  function chartWidth(container) {
    return Math.max(200, Math.min(container.clientWidth || 640, 900));
  }

  // Each name centred under its bar, as wide as the bar's share of the plot: names wrap
  // instead of running into their neighbours.
  function placeLabels(u, labels) {
    if (!labels.parentNode) {
      return;
    }
    var plot = u.over.getBoundingClientRect();
    var left = plot.left - labels.getBoundingClientRect().left;
    var slot = plot.width / labels.children.length;
    if (!slot) {
      return;
    }
    var tallest = 0;
    Array.prototype.forEach.call(labels.children, function (label, i) {
      label.style.left = (left + u.valToPos(i, 'x') - slot / 2) + 'px';
      label.style.width = slot + 'px';
      tallest = Math.max(tallest, label.offsetHeight);
    });
    labels.style.height = tallest + 'px';
  }

  document.addEventListener('DOMContentLoaded', function () {
    var container = document.getElementById('analytics-chart');
    var table = document.getElementById('analytics-table');
    if (container && table) {
      draw(container, table);
    }
  });
})();
