"use strict";
// Overview: the network of relations from /api/graph, drawn as SVG with a small force layout.
(function () {
  const cq = window.cq;
  const ITERATIONS = 300;

  // Start on a circle, busiest first, so the same data always gives the same picture.
  function placeOnCircle(nodes, width, height) {
    nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      node.x = width / 2 + 0.4 * width * Math.cos(angle);
      node.y = height / 2 + 0.4 * height * Math.sin(angle);
    });
  }

  // Fruchterman-Reingold: nodes repel, edges pull, a weak gravity keeps islands close.
  function forceLayout(nodes, edges, width, height) {
    placeOnCircle(nodes, width, height);
    const n = nodes.length;
    if (n < 3) return;
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const links = edges.map((e) => [index.get(e.a), index.get(e.b)]);
    const k = 0.75 * Math.sqrt((width * height) / n);
    let temperature = width / 8;
    for (let step = 0; step < ITERATIONS; step++) {
      const dx = new Float64Array(n);
      const dy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const vx = nodes[i].x - nodes[j].x;
          const vy = nodes[i].y - nodes[j].y;
          const dist = Math.max(1, Math.hypot(vx, vy));
          const force = (k * k) / dist;
          dx[i] += (vx / dist) * force; dy[i] += (vy / dist) * force;
          dx[j] -= (vx / dist) * force; dy[j] -= (vy / dist) * force;
        }
      }
      for (const [i, j] of links) {
        const vx = nodes[i].x - nodes[j].x;
        const vy = nodes[i].y - nodes[j].y;
        const dist = Math.max(1, Math.hypot(vx, vy));
        const force = (dist * dist) / k;
        dx[i] -= (vx / dist) * force; dy[i] -= (vy / dist) * force;
        dx[j] += (vx / dist) * force; dy[j] += (vy / dist) * force;
      }
      for (let i = 0; i < n; i++) {
        dx[i] -= (nodes[i].x - width / 2) * 0.05 * k / 10;
        dy[i] -= (nodes[i].y - height / 2) * 0.05 * k / 10;
        const length = Math.hypot(dx[i], dy[i]);
        if (length > 0) {
          nodes[i].x += (dx[i] / length) * Math.min(length, temperature);
          nodes[i].y += (dy[i] / length) * Math.min(length, temperature);
        }
      }
      temperature = Math.max(0.5, temperature * 0.985);
    }
    fitInto(nodes, width, height, 48);
    separate(nodes, width, height);
  }

  // Fitting can squeeze a busy cluster: push apart circles that would cover a neighbour's label.
  function separate(nodes, width, height) {
    for (let pass = 0; pass < 60; pass++) {
      let moved = false;
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          const vx = nodes[i].x - nodes[j].x;
          const vy = nodes[i].y - nodes[j].y;
          const dist = Math.hypot(vx, vy);
          const gap = nodes[i].r + nodes[j].r + 26;
          if (dist >= gap) continue;
          const push = (gap - dist) / 2;
          const [ux, uy] = dist > 0.01 ? [vx / dist, vy / dist] : [1, 0];
          nodes[i].x += ux * push; nodes[i].y += uy * push;
          nodes[j].x -= ux * push; nodes[j].y -= uy * push;
          moved = true;
        }
      }
      if (!moved) break;
    }
    for (const node of nodes) {
      node.x = Math.min(width - 40, Math.max(20, node.x));
      node.y = Math.min(height - 20, Math.max(20, node.y));
    }
  }

  function fitInto(nodes, width, height, margin) {
    const xs = nodes.map((d) => d.x);
    const ys = nodes.map((d) => d.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min((width - 2 * margin) / (x1 - x0 || 1), (height - 2 * margin) / (y1 - y0 || 1));
    for (const node of nodes) {
      node.x = margin + (node.x - x0) * scale + (width - 2 * margin - (x1 - x0) * scale) / 2;
      node.y = margin + (node.y - y0) * scale + (height - 2 * margin - (y1 - y0) * scale) / 2;
    }
  }

  function edgeColour(edge, mode) {
    if (mode === "balance") return cq.balanceColour(edge.balance);
    return edge.tier ? cq.TIER_COLOURS[edge.tier] : cq.NO_TIER;
  }

  function edgeTitle(edge, names) {
    const tier = edge.tier ? cq.label(edge.tier) + " since " + (edge.tier_since || "?") : "no tier found";
    return names.get(edge.a) + " – " + names.get(edge.b) + ": " + edge.events + " events (" +
      edge.cooperative + " cooperative, " + edge.conflictual + " conflictual); " + tier;
  }

  function drawEdges(svg, data, names, mode) {
    const most = Math.max(1, ...data.edges.map((e) => e.events));
    const byId = new Map(data.nodes.map((node) => [node.id, node]));
    const group = cq.svg("g", { class: "edges" });
    for (const edge of data.edges) {
      const [a, b] = [byId.get(edge.a), byId.get(edge.b)];
      const ends = { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
      const link = cq.svg("a", { href: cq.dyadPath(edge.a, edge.b), class: "edge", "data-dyad": edge.a + "-" + edge.b },
        cq.svg("title", { text: edgeTitle(edge, names) }),
        cq.svg("line", { ...ends, class: "visible", stroke: edgeColour(edge, mode),
          "stroke-width": (1.5 + 8 * Math.sqrt(edge.events / most)).toFixed(1) }),
        cq.svg("line", { ...ends, class: "hit" }));
      link.edge = edge;
      group.append(link);
    }
    svg.append(group);
  }

  function drawNodes(svg, data) {
    const group = cq.svg("g", { class: "nodes" });
    for (const node of data.nodes) {
      const r = node.r;
      const shortName = node.id.startsWith("IGO:") ? node.id.slice(4) : node.id;
      group.append(cq.svg("a", { href: cq.countryPath(node.id), class: "node", "data-id": node.id },
        cq.svg("title", { text: node.name + ": " + node.events + " events with " + node.partners + " partners" }),
        cq.svg("circle", { cx: node.x.toFixed(1), cy: node.y.toFixed(1), r: r.toFixed(1) }),
        cq.svg("text", { x: (node.x + r + 3).toFixed(1), y: (node.y + 4).toFixed(1), text: shortName })));
    }
    svg.append(group);
  }

  function drawLegend(aside, mode) {
    const items = mode === "balance"
      ? [[1, "only cooperation"], [0.5, ""], [0, "as much of each"], [-0.5, ""], [-1, "only conflict"]]
          .map(([b, text]) => [cq.balanceColour(b), text || "balance " + b])
      : Object.entries(cq.TIER_COLOURS).map(([tier, colour]) => [colour, cq.label(tier)]);
    items.push([cq.NO_TIER, mode === "balance" ? "neither" : "no tier found"]);
    const list = cq.el("ul", {}, items.map(([colour, text]) => {
      const swatch = cq.el("span", { class: "swatch" });
      swatch.style.background = colour;
      return cq.el("li", {}, swatch, text);
    }));
    aside.replaceChildren(
      cq.el("strong", { text: mode === "balance" ? "Cooperation and conflict" : "Partnership tier" }),
      list,
      cq.el("p", { class: "muted small", text: "Line width: events of the dyad. Circle size: events of the country." }));
  }

  function fillTable(tbody, data, names) {
    tbody.replaceChildren(...data.edges.slice(0, 15).map((edge) => cq.el("tr", {},
      cq.el("td", {}, cq.el("a", { href: cq.dyadPath(edge.a, edge.b), text: names.get(edge.a) + " – " + names.get(edge.b) })),
      cq.el("td", {}, edge.tier ? cq.badge(cq.label(edge.tier), "tier") : ""),
      cq.el("td", { class: "num", text: cq.number(edge.events) }),
      cq.el("td", { class: "num", text: cq.number(edge.mentions) }),
      cq.el("td", { class: "num", text: cq.number(edge.cooperative) }),
      cq.el("td", { class: "num", text: cq.number(edge.conflictual) }))));
  }

  function recolour(svg, mode) {
    for (const link of svg.querySelectorAll("a.edge")) {
      link.querySelector("line.visible").setAttribute("stroke", edgeColour(link.edge, mode));
    }
  }

  async function main() {
    const svg = document.getElementById("graph");
    const status = document.getElementById("graph-status");
    const colour = document.getElementById("colour");
    const query = new URLSearchParams();
    for (const [name, value] of new URLSearchParams(window.location.search)) {
      if (value && ["since", "until", "sector", "kind", "limit"].includes(name)) query.set(name, value);
    }
    if (!query.has("limit")) query.set("limit", "150");
    let data;
    try {
      data = await cq.getJSON("/api/graph?" + query);
    } catch (error) {
      status.textContent = "Cannot draw the network: " + error.message;
      status.className = "error";
      return;
    }
    const width = svg.clientWidth || 900;
    const height = svg.clientHeight || 620;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    const names = new Map(data.nodes.map((node) => [node.id, node.name]));
    const most = Math.max(1, ...data.nodes.map((node) => node.events));
    for (const node of data.nodes) node.r = 5 + 13 * Math.sqrt(node.events / most);
    forceLayout(data.nodes, data.edges, width, height);
    svg.replaceChildren();
    drawEdges(svg, data, names, colour.value);
    drawNodes(svg, data);
    drawLegend(document.getElementById("legend"), colour.value);
    fillTable(document.querySelector("#dyad-table tbody"), data, names);
    status.textContent = data.edges.length
      ? "Showing the " + data.edges.length + " busiest of " + data.total_edges + " dyads."
      : "No events match these filters.";
    colour.addEventListener("change", () => {
      recolour(svg, colour.value);
      drawLegend(document.getElementById("legend"), colour.value);
    });
    svg.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", main);
})();
