/**
 * The page's chart code, run in the browser after ECharts: reads the data island and draws into
 * every `[data-chart]` element. Tooltips render as rich text, never HTML, so chat words cannot inject markup.
 */
export const REPORT_CHARTS_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var L = data.labels;
  var base = { tooltip: { trigger: 'axis', renderMode: 'richText', confine: true }, grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true }, animation: false };
  function merge(extra) { var out = {}; for (var k in base) out[k] = base[k]; for (var e in extra) out[e] = extra[e]; return out; }
  function bars(items, label, value) {
    var top = items.slice().reverse();
    return merge({
      tooltip: { trigger: 'axis', renderMode: 'richText', confine: true, axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map(function (d) { return d[label]; }), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ type: 'bar', data: top.map(function (d) { return d[value]; }), itemStyle: { color: '#3b82f6' } }]
    });
  }
  var options = {
    days: merge({
      xAxis: { type: 'category', data: data.days.map(function (d) { return d.date; }) },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: data.days.length > 60 ? [{ type: 'inside', start: 100 - Math.min(100, 6000 / data.days.length) }, { type: 'slider', height: 18, bottom: 0 }] : [],
      series: [{ name: L.messages, type: 'line', showSymbol: data.days.length <= 60, areaStyle: { opacity: 0.15 }, data: data.days.map(function (d) { return d.messages; }) }]
    }),
    weeks: merge({
      legend: { top: 0, data: [L.messages, L.members, L.newcomers] },
      xAxis: { type: 'category', data: data.weeks.map(function (w) { return w.week; }) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1 }],
      series: [
        { name: L.messages, type: 'bar', data: data.weeks.map(function (w) { return w.messages; }) },
        { name: L.members, type: 'line', yAxisIndex: 1, data: data.weeks.map(function (w) { return w.members; }) },
        { name: L.newcomers, type: 'line', yAxisIndex: 1, data: data.weeks.map(function (w) { return w.newcomers; }) }
      ]
    }),
    heatmap: {
      animation: false,
      tooltip: { renderMode: 'richText', confine: true },
      grid: { left: 8, right: 8, top: 8, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: Array.from({ length: 24 }, function (_, h) { return String(h); }), splitArea: { show: true } },
      yAxis: { type: 'category', data: L.weekdays, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: Math.max(1, data.heatmapMax), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
      series: [{ name: L.messages, type: 'heatmap', data: data.heatmapCells }]
    },
    members: bars(data.members, 'name', 'messages'),
    keywords: bars(data.keywords, 'term', 'count')
  };
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var option = options[el.getAttribute('data-chart')];
    if (!option) return;
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute('data-charts', String(charts.length));
})();
`;
