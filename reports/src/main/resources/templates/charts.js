// Draws the timeline charts described by <script id="chart-data"> with Chart.js and
// chartjs-plugin-annotation (both inlined above): fault windows shaded, phase boundaries and
// signals marked on every chart, a chart's own levels (e.g. a saturation threshold) as horizontal
// lines, one shared time axis. Sets <body data-charts-drawn="N">.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var container = document.getElementById('charts');
  var palette = ['#1f5fa8', '#c0392b', '#27884a', '#d9822b', '#7b4fa0', '#8c564b', '#c2458f', '#138d90', '#555555'];
  var drawn = 0;
  var charts = [];

  Chart.register(window['chartjs-plugin-annotation']);
  Chart.defaults.font.size = 11;
  Chart.defaults.animation = false;

  // One x range for every chart (and both runs of a comparison), so the shading lines up.
  var xMin = 0;
  var xMax = 0;
  data.charts.forEach(function (chart) {
    chart.series.forEach(function (s) {
      s.points.forEach(function (p) { xMin = Math.min(xMin, p[0]); xMax = Math.max(xMax, p[0]); });
    });
  });
  data.faults.forEach(function (f) { xMin = Math.min(xMin, f.from); xMax = Math.max(xMax, f.to); });
  data.phases.concat(data.signals).forEach(function (m) { xMin = Math.min(xMin, m.at); xMax = Math.max(xMax, m.at); });

  function label(a) { return a.run ? a.run + ': ' + a.label : a.label; }

  function annotations(first, chart) {
    var all = {};
    (chart.levels || []).forEach(function (l, i) {
      all['level' + i] = {
        type: 'line', yMin: l.value, yMax: l.value, borderColor: '#9a6700', borderWidth: 1.5, borderDash: [6, 3],
        label: { display: true, content: l.label, position: i % 2 === 0 ? 'end' : 'center',
          backgroundColor: 'rgba(255,255,255,0.85)', color: '#6b4700', font: { size: 9 }, padding: 2 }
      };
    });
    data.faults.forEach(function (f, i) {
      all['fault' + i] = {
        type: 'box', xMin: f.from, xMax: f.to, drawTime: 'beforeDatasetsDraw',
        backgroundColor: 'rgba(214, 39, 40, 0.13)', borderWidth: 0,
        label: { display: first, content: label(f), position: { x: 'start', y: 'start' }, color: '#8b1d1d', font: { size: 10 } }
      };
    });
    data.phases.forEach(function (p, i) {
      all['phase' + i] = {
        type: 'line', xMin: p.at, xMax: p.at, borderColor: '#777777', borderWidth: 1, borderDash: p.run === 'baseline' ? [2, 2] : [4, 4],
        label: { display: true, content: label(p), position: 'start', backgroundColor: 'rgba(255,255,255,0.85)',
          color: '#333333', font: { size: 9 }, padding: 2 }
      };
    });
    data.signals.forEach(function (s, i) {
      all['signal' + i] = {
        type: 'line', xMin: s.at, xMax: s.at, borderColor: '#8b1d1d', borderWidth: 2,
        label: { display: first, content: label(s), position: 'end', color: '#8b1d1d',
          backgroundColor: 'rgba(255,255,255,0.85)', font: { size: 9 }, padding: 2 }
      };
    });
    return all;
  }

  function colours(chart) {
    var byKey = {};
    chart.series.forEach(function (s) {
      if (!(s.key in byKey)) { byKey[s.key] = palette[Object.keys(byKey).length % palette.length]; }
    });
    return byKey;
  }

  data.charts.forEach(function (chart, index) {
    var figure = document.createElement('figure');
    figure.className = 'chart';
    figure.id = 'chart-' + chart.id;
    var caption = document.createElement('figcaption');
    caption.textContent = chart.title + (chart.series.length === 0 ? ' (no samples)' : '');
    var box = document.createElement('div');
    box.className = 'canvas-box';
    var canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', chart.title);
    box.appendChild(canvas);
    figure.appendChild(caption);
    figure.appendChild(box);
    container.appendChild(figure);

    var byKey = colours(chart);
    charts.push(new Chart(canvas, {
      type: 'line',
      data: {
        datasets: chart.series.map(function (s) {
          return {
            label: s.label, data: s.points, borderColor: byKey[s.key], backgroundColor: byKey[s.key],
            borderDash: s.run === 'baseline' ? [6, 3] : [], borderWidth: 1.5, pointRadius: 0,
            stepped: chart.stepped ? 'after' : false, tension: 0
          };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, normalized: true,
        interaction: { mode: 'nearest', intersect: false, axis: 'x' },
        scales: {
          x: { type: 'linear', min: xMin, max: xMax, title: { display: true, text: 'seconds since load start' } },
          y: { beginAtZero: true, max: typeof chart.max === 'number' ? chart.max : undefined,
            title: { display: true, text: chart.unit } }
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          annotation: { annotations: annotations(index === 0, chart) }
        }
      }
    }));
    drawn++;
  });

  // Chart.js sizes canvases to the screen; printing needs them re-laid out for the page width.
  window.addEventListener('beforeprint', function () { charts.forEach(function (c) { c.resize(); }); });
  window.addEventListener('afterprint', function () { charts.forEach(function (c) { c.resize(); }); });
  document.body.setAttribute('data-charts-drawn', String(drawn));
})();
