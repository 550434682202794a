"use strict";
// Country page: events per year as stacked SVG bars, by kind or by sector, from /api/countries.
(function () {
  const cq = window.cq;
  const TOP_CATEGORIES = 9;
  // Older years are gathered into one bar so that a treaty from 1963 does not squeeze the rest.
  const MAX_YEARS = 30;

  function yearBuckets(rows) {
    const years = rows.map((row) => Number(row.year)).filter((y) => !Number.isNaN(y));
    if (!years.length) return [];
    const last = Math.max(...years);
    const first = Math.max(Math.min(...years), last - MAX_YEARS + 1);
    const buckets = [];
    if (Math.min(...years) < first) buckets.push({ label: "<" + first, from: -Infinity, to: first - 1 });
    for (let year = first; year <= last; year++) buckets.push({ label: String(year), from: year, to: year });
    return buckets;
  }

  function topCategories(rows) {
    const totals = new Map();
    for (const row of rows) totals.set(row.category, (totals.get(row.category) || 0) + row.n);
    const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const kept = ranked.slice(0, TOP_CATEGORIES).map(([name]) => name);
    return ranked.length > TOP_CATEGORIES ? [...kept, "other"] : kept;
  }

  function stacks(rows, buckets, categories) {
    return buckets.map((bucket) => {
      const counts = new Map(categories.map((c) => [c, 0]));
      for (const row of rows) {
        const year = Number(row.year);
        if (year < bucket.from || year > bucket.to) continue;
        const category = counts.has(row.category) ? row.category : "other";
        counts.set(category, (counts.get(category) || 0) + row.n);
      }
      return { bucket, counts };
    });
  }

  function draw(svg, legend, rows) {
    const width = svg.clientWidth || 600;
    const height = svg.clientHeight || 260;
    const margin = { left: 34, right: 6, top: 10, bottom: 22 };
    const buckets = yearBuckets(rows);
    const categories = topCategories(rows);
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.replaceChildren();
    if (!buckets.length) {
      svg.append(cq.svg("text", { x: 10, y: 30, text: "No dated events." }));
      legend.replaceChildren();
      return;
    }
    const columns = stacks(rows, buckets, categories);
    const most = Math.max(1, ...columns.map((c) => [...c.counts.values()].reduce((a, b) => a + b, 0)));
    const plotW = width - margin.left - margin.right;
    const plotH = height - margin.top - margin.bottom;
    const step = plotW / buckets.length;
    const y = (value) => margin.top + plotH - (value / most) * plotH;
    for (const tick of [0, Math.ceil(most / 2), most]) {
      svg.append(cq.svg("line", { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), stroke: "#e2e6ea" }));
      svg.append(cq.svg("text", { x: margin.left - 6, y: y(tick) + 4, "text-anchor": "end", text: tick }));
    }
    const labelEvery = Math.ceil((buckets.length * 38) / plotW);
    columns.forEach(({ bucket, counts }, i) => {
      const x = margin.left + i * step + step * 0.12;
      let base = 0;
      categories.forEach((category, c) => {
        const n = counts.get(category) || 0;
        if (!n) return;
        svg.append(cq.svg("rect", {
          x: x.toFixed(1), y: y(base + n).toFixed(1), width: Math.max(1, step * 0.76).toFixed(1),
          height: Math.max(0.5, y(base) - y(base + n)).toFixed(1), fill: cq.PALETTE[c % cq.PALETTE.length],
        }, cq.svg("title", { text: bucket.label + " · " + cq.label(category) + ": " + n })));
        base += n;
      });
      if (i % labelEvery === 0 || i === columns.length - 1) {
        svg.append(cq.svg("text", { x: (x + step * 0.38).toFixed(1), y: height - 6, "text-anchor": "middle", text: bucket.label }));
      }
    });
    legend.replaceChildren(...categories.map((category, c) => {
      const swatch = cq.el("span", { class: "swatch" });
      swatch.style.background = cq.PALETTE[c % cq.PALETTE.length];
      return cq.el("span", {}, swatch, cq.label(category));
    }));
    svg.dataset.ready = "true";
  }

  async function main() {
    const svg = document.getElementById("chart");
    const legend = document.getElementById("chart-legend");
    let data;
    try {
      data = await cq.getJSON("/api/countries/" + encodeURIComponent(svg.dataset.code));
    } catch (error) {
      legend.replaceChildren(cq.el("span", { class: "error", text: error.message }));
      return;
    }
    const buttons = document.querySelectorAll(".toggle button");
    const show = (by) => {
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.by === by)));
      draw(svg, legend, by === "sector" ? data.by_year_sector : data.by_year_kind);
    };
    buttons.forEach((b) => b.addEventListener("click", () => show(b.dataset.by)));
    show("kind");
  }

  document.addEventListener("DOMContentLoaded", main);
})();
