"use strict";
// Event search: the form's values go to /api/events, which filters and pages in the database.
(function () {
  const cq = window.cq;
  const EVIDENCE_CHARS = 220;

  function apiQuery() {
    const query = new URLSearchParams();
    for (const [name, value] of new URLSearchParams(window.location.search)) {
      if (value) query.set(name, value);
    }
    return query;
  }

  function actorsCell(row) {
    const arrow = row.source === row.target ? "" : row.directed ? " → " : " – ";
    return cq.el("td", {},
      cq.el("a", { href: cq.countryPath(row.source), text: row.source }), arrow,
      row.source === row.target ? "" : cq.el("a", { href: cq.countryPath(row.target), text: row.target }),
      row.source === row.target ? "" : cq.el("div", { class: "small" },
        cq.el("a", { href: cq.dyadPath(row.source, row.target) + (row.level === "canonical" ? "#" + row.id : ""), text: "dyad timeline" })));
  }

  function evidenceCell(row) {
    const text = row.evidence || "";
    const shown = text.length > EVIDENCE_CHARS ? text.slice(0, EVIDENCE_CHARS) + "…" : text;
    const cell = cq.el("td", { class: "evidence" }, shown);
    if (row.article_id) {
      cell.append(" ", cq.el("a", { class: "small", href: cq.articlePath(row.article_id, row.event_id), text: "article ›" }));
    }
    return cell;
  }

  function resultRow(row) {
    return cq.el("tr", { "data-id": row.id },
      cq.el("td", {}, row.date || "undated", cq.el("div", {}, cq.badge(row.date_precision, "precision"))),
      cq.el("td", {}, row.kind, cq.el("div", { class: "small muted", text: row.plover_type })),
      actorsCell(row),
      cq.el("td", {}, cq.badge(row.status, "status-" + row.status)),
      cq.el("td", {}, row.sectors.map((s) => cq.badge(cq.label(s)))),
      cq.el("td", { class: "num", text: row.confidence === null ? "" : row.confidence.toFixed(2) }),
      cq.el("td", { class: "num", text: row.n_sources + (row.n_mentions > 1 ? " (" + row.n_mentions + " reports)" : "") }),
      evidenceCell(row));
  }

  function pageLink(query, page, text) {
    const target = new URLSearchParams(query);
    target.set("page", String(page));
    return cq.el("a", { href: "/search?" + target, text: text });
  }

  function showPager(pager, query, answer) {
    const parts = [];
    if (answer.page > 1) parts.push(pageLink(query, answer.page - 1, "‹ previous"));
    parts.push(cq.el("span", { text: "page " + answer.page + " of " + answer.pages }));
    if (answer.page < answer.pages) parts.push(pageLink(query, answer.page + 1, "next ›"));
    pager.replaceChildren(...parts);
  }

  function setExportLinks(query) {
    const selection = new URLSearchParams(query);
    selection.delete("page");
    selection.delete("page_size");
    for (const format of ["csv", "jsonl"]) {
      selection.set("format", format);
      document.getElementById("export-" + format).setAttribute("href", "/api/events/export?" + selection);
    }
  }

  // Empty fields stay out of the address, so a shared link shows only the filters in use.
  function dropEmptyFieldsOnSubmit(form) {
    form.addEventListener("submit", () => {
      for (const field of form.elements) {
        if (field.name && !field.value) field.disabled = true;
      }
    });
  }

  async function main() {
    dropEmptyFieldsOnSubmit(document.getElementById("search-form"));
    const summary = document.getElementById("result-summary");
    const tbody = document.querySelector("#results tbody");
    const query = apiQuery();
    setExportLinks(query);
    let answer;
    try {
      answer = await cq.getJSON("/api/events?" + query);
    } catch (error) {
      summary.replaceChildren(cq.el("span", { class: "error", text: error.message }));
      return;
    }
    const what = answer.level === "reports" ? "reports" : "events";
    summary.textContent = cq.number(answer.total) + " " + what + " · page " + answer.page + " of " + answer.pages;
    tbody.replaceChildren(...answer.rows.map(resultRow));
    showPager(document.getElementById("pager"), query, answer);
    document.getElementById("results").dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", main);
})();
