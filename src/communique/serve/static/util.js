"use strict";
// Helpers shared by the pages. The data comes from news articles and is untrusted, so every
// element is built with textContent and setAttribute, never with innerHTML.
(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";

  function setAttributes(node, attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      // Handlers are attached with addEventListener; an attribute never carries code.
      if (name.toLowerCase().startsWith("on")) throw new Error("no inline handlers: " + name);
      if (name === "text") node.textContent = String(value);
      else node.setAttribute(name, String(value));
    }
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const cq = {
    el(tag, attrs = {}, ...children) {
      return append(setAttributes(document.createElement(tag), attrs), children);
    },
    svg(tag, attrs = {}, ...children) {
      return append(setAttributes(document.createElementNS(SVG_NS, tag), attrs), children);
    },
    async getJSON(url) {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.detail || response.status + " " + response.statusText);
      return body;
    },
    countryPath(code) {
      return "/country/" + encodeURIComponent(code);
    },
    dyadPath(a, b) {
      return "/dyad/" + encodeURIComponent(a) + "/" + encodeURIComponent(b);
    },
    articlePath(articleId, eventId) {
      const path = "/article/" + encodeURIComponent(articleId);
      return eventId ? path + "?event=" + encodeURIComponent(eventId) : path;
    },
    label(code) {
      return code ? String(code).replaceAll("_", " ") : "";
    },
    badge(text, kind) {
      return cq.el("span", { class: "badge" + (kind ? " " + kind : ""), text: text });
    },
    // Partnership tiers from the loosest to the closest: light to dark blue, alliance purple.
    TIER_COLOURS: {
      diplomatic_relations: "#b9d3ea",
      partnership: "#8cbde0",
      comprehensive_partnership: "#5ea2d3",
      strategic_partnership: "#3585c1",
      comprehensive_strategic_partnership: "#1b62a5",
      special_strategic_partnership: "#0c3f7a",
      alliance: "#6a3d9a",
    },
    NO_TIER: "#b3bac2",
    // Categories of stacked bars: distinct hues that stay readable side by side.
    PALETTE: ["#3b75af", "#ef8636", "#519e3e", "#c53a32", "#8d69b8", "#84584e", "#d57dbf",
      "#bcbc45", "#58bbcc", "#a5a5a5"],
    balanceColour(balance) {
      if (balance === null || balance === undefined) return cq.NO_TIER;
      // -1 (only conflict) red, 0 grey, +1 (only cooperation) green.
      const mix = (from, to, t) => from.map((c, i) => Math.round(c + (to[i] - c) * t));
      const grey = [150, 156, 163];
      const rgb = balance >= 0 ? mix(grey, [26, 140, 76], balance) : mix(grey, [200, 40, 30], -balance);
      return "rgb(" + rgb.join(",") + ")";
    },
    number(value) {
      return value === null || value === undefined ? "" : Number(value).toLocaleString("en");
    },
  };
  window.cq = cq;
})();
