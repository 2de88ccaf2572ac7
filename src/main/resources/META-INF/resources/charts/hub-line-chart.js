/*! <hub-line-chart>: a line chart drawn by Apache ECharts (window.echarts, loaded before this script) on
    a canvas, from the JSON its server side sets in the "figures" property ({labels: [...], series:
    [{name, values: [...]}]}), in Lumo's colours. The same figures are in the table the server side puts
    beside it, for assistive technology. */
(function () {
  'use strict';

  function colour(style, name, fallback) {
    return (style.getPropertyValue(name) || fallback).trim();
  }

  class HubLineChart extends HTMLElement {

    connectedCallback() {
      if (!this.chart) {
        this.chart = window.echarts.init(this, null, { renderer: 'canvas' });
        this.resizing = new ResizeObserver(() => this.chart && this.chart.resize());
        this.resizing.observe(this);
      }
      this.draw();
    }

    disconnectedCallback() {
      if (this.resizing) this.resizing.disconnect();
      if (this.chart) this.chart.dispose();
      this.chart = null;
    }

    set figures(json) {
      this._figures = typeof json === 'string' ? JSON.parse(json) : json;
      this.draw();
    }

    get figures() {
      return this._figures;
    }

    draw() {
      if (!this.chart || !this._figures) return;
      const style = getComputedStyle(this);
      const text = colour(style, '--lumo-secondary-text-color', '#555');
      const lines = colour(style, '--lumo-contrast-10pct', '#eee');
      this.chart.setOption({
        animation: false,
        color: [colour(style, '--lumo-primary-color', '#1676f3'), colour(style, '--lumo-success-color', '#0d8a4b'),
          colour(style, '--lumo-error-color', '#e3243b'), colour(style, '--lumo-contrast-60pct', '#666')],
        textStyle: { fontFamily: colour(style, '--lumo-font-family', 'sans-serif') },
        tooltip: { trigger: 'axis' },
        legend: { textStyle: { color: text } },
        grid: { left: 48, right: 16, top: 32, bottom: 32 },
        xAxis: { type: 'category', data: this._figures.labels, axisLabel: { color: text } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: text }, splitLine: { lineStyle: { color: lines } } },
        series: this._figures.series.map(series => ({ name: series.name, type: 'line', data: series.values }))
      }, true);
      this.dataset.drawn = String(this._figures.labels.length);
    }
  }

  if (!customElements.get('hub-line-chart')) customElements.define('hub-line-chart', HubLineChart);
})();
