/* Draws the dashboard's charts with ECharts (served by the app from /lib). The same numbers are in
   the table beneath each chart, so the page says everything without scripts too. */
(function () {
  'use strict';
  var source = document.getElementById('dashboard-data');
  if (!source || !window.echarts) { return; }
  var d = JSON.parse(source.textContent);
  var font = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var rotate = d.names.length > 3 ? 30 : 0;
  var base = {
    animation: false,
    textStyle: { fontFamily: font, fontSize: 14, color: '#111' },
    legend: { top: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
    xAxis: { type: 'category', data: d.names, axisLabel: { interval: 0, rotate: rotate, color: '#111' } }
  };
  var charts = [];
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = window.echarts.init(el);
    chart.setOption(Object.assign({}, base, option));
    charts.push(chart);
  }
  var countSeries = [
    { name: '已通过', type: 'bar', data: d.passed, itemStyle: { color: '#0a5c2b' }, label: { show: true, position: 'top' } },
    { name: '已参评', type: 'bar', data: d.assessed, itemStyle: { color: '#0b4f9c' } },
    { name: '应创建', type: 'bar', data: d.established, itemStyle: { color: '#5f5f5f' } }
  ];
  if (d.required.some(function (v) { return v !== null; })) {
    countSeries.push({ name: '目标数', type: 'line', data: d.required, itemStyle: { color: '#8a1c00' }, lineStyle: { type: 'dashed', width: 3 } });
  }
  draw('chart-counts', { yAxis: { type: 'value', minInterval: 1, name: '单位数' }, series: countSeries });
  var target = d.targetShare === null ? [] : [{ yAxis: d.targetShare, name: '目标', label: { formatter: '目标 {c}%' } }];
  draw('chart-rates', {
    yAxis: { type: 'value', max: 100, name: '百分比' },
    series: [
      { name: '参评通过率', type: 'bar', data: d.passRate, itemStyle: { color: '#0b4f9c' },
        markLine: { symbol: 'none', lineStyle: { color: '#8a1c00', width: 2 }, data: target } },
      { name: '创建达标率', type: 'bar', data: d.establishedRate, itemStyle: { color: '#0a5c2b' } }
    ]
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
