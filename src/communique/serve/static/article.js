"use strict";
// Article page: hovering, focusing or clicking highlighted evidence shows the events coded from
// it, read from /api/articles/{id}. The marks themselves are rendered (escaped) by the server.
(function () {
  const cq = window.cq;
  let pinned = null;

  function eventCard(event) {
    const arrow = event.directed ? " → " : " – ";
    const lines = [
      cq.el("h4", { text: event.kind + "  " + event.source + arrow + event.target }),
      cq.el("div", {}, (event.date || "undated") + " ", cq.badge(event.date_precision, "precision"),
        cq.badge(event.status, "status-" + event.status)),
    ];
    if (event.sectors.length) lines.push(cq.el("div", {}, event.sectors.map((s) => cq.badge(cq.label(s)))));
    if (event.instrument) lines.push(cq.el("div", { text: "Instrument: " + event.instrument }));
    if (event.tier) lines.push(cq.el("div", { text: "Tier: " + cq.label(event.tier) }));
    lines.push(cq.el("div", { class: "muted", text: "confidence " + event.confidence.toFixed(2) + (event.rule ? " · rule " + event.rule : "") }));
    if (event.source !== event.target) {
      lines.push(cq.el("a", { href: cq.dyadPath(event.source, event.target), text: "dyad timeline ›" }));
    }
    return cq.el("div", { class: "event", "data-kind": event.kind }, lines);
  }

  function indicesOf(mark) {
    return mark.dataset.events.split(" ").map(Number);
  }

  function markActive(indices) {
    for (const item of document.querySelectorAll("#events-list li")) {
      item.classList.toggle("active", indices.includes(Number(item.dataset.index)));
    }
  }

  function show(popover, mark, events) {
    const indices = indicesOf(mark);
    popover.replaceChildren(...indices.map((i) => eventCard(events[i])));
    const box = mark.getBoundingClientRect();
    const left = Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - 380);
    popover.style.left = Math.max(8, left) + "px";
    popover.style.top = box.bottom + window.scrollY + 6 + "px";
    popover.hidden = false;
    markActive(indices);
  }

  function hide(popover) {
    popover.hidden = true;
    markActive([]);
  }

  function wire(mark, popover, events) {
    mark.addEventListener("mouseenter", () => { if (!pinned) show(popover, mark, events); });
    mark.addEventListener("mouseleave", () => { if (!pinned) hide(popover); });
    mark.addEventListener("focus", () => show(popover, mark, events));
    mark.addEventListener("click", (click) => {
      click.stopPropagation();
      pinned = pinned === mark ? null : mark;
      if (pinned) show(popover, mark, events); else hide(popover);
    });
  }

  // Clicking an event in the list highlights its evidence in the text.
  function wireList(marks) {
    for (const item of document.querySelectorAll("#events-list li")) {
      item.addEventListener("click", () => {
        const index = Number(item.dataset.index);
        let first = null;
        for (const mark of marks) {
          const covers = indicesOf(mark).includes(index);
          mark.classList.toggle("active", covers);
          if (covers && !first) first = mark;
        }
        if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
      });
    }
  }

  async function main() {
    const text = document.getElementById("article-text");
    const popover = document.getElementById("popover");
    const marks = [...text.querySelectorAll("mark.evidence")];
    const focused = text.querySelector("mark.focus");
    if (focused) focused.scrollIntoView({ block: "center" });
    let article;
    try {
      article = await cq.getJSON("/api/articles/" + encodeURIComponent(text.dataset.article));
    } catch (error) {
      popover.replaceChildren(cq.el("span", { class: "error", text: error.message }));
      return;
    }
    for (const mark of marks) wire(mark, popover, article.events);
    wireList(marks);
    document.addEventListener("click", () => { pinned = null; hide(popover); });
    document.addEventListener("keydown", (key) => { if (key.key === "Escape") { pinned = null; hide(popover); } });
    text.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", main);
})();
