// The events table, a page at a time (10,000 events stay smooth: only PAGE_SIZE rows are in the DOM),
// and the detail of the selected event with the articles behind it.

import { fill, h, plural } from "./dom.js";
import { eventDay, mentions } from "./filters.js";
import { typeColour } from "./names.js";

export const PAGE_SIZE = 100;

export function typeBadge(type, names) {
  const dot = h("i", { class: "dot" });
  dot.style.backgroundColor = typeColour(type);
  return h("span", { class: "type", title: `${names.type(type)}: ${names.definition(type)}` }, dot, names.type(type));
}

/** Where a count comes from, as a sentence: the value, the sentence it was read in, and its article. */
export function provenance(ev, kind) {
  const source = (ev.count_sources || {})[kind];
  const value = (ev.counts || {})[kind];
  if (!source) return `${value} ${kind}`;
  const said = (ev.evidence || []).find((e) => e.article_id === source.article_id);
  return `${value} ${kind}, from article ${source.article_id} published ${source.published_at}` +
    (said ? `: “${said.sentence}”` : "");
}

const actorsLine = (ev, names) => {
  const who = (ev.actors || []).map((a) => names.actor(a)).join(", ") || "—";
  const whom = (ev.targets || []).map((a) => names.actor(a)).join(", ") || "—";
  return `${who} → ${whom}`;
};

function row(ev, names, selected, fresh) {
  const first = (ev.evidence || [])[0];
  const counts = Object.entries(ev.counts || {}).map(([kind, value]) =>
    h("span", { title: provenance(ev, kind) }, `${value} ${kind}`));
  return h("tr", { dataset: { id: ev.id }, class: [selected ? "selected" : "", fresh ? "fresh" : ""].join(" ").trim() || null },
    h("td", {}, typeBadge(ev.type, names), ev.mode ? h("span", { class: "mode", text: ` ${ev.mode}` }) : null,
      first ? h("div", { class: "evidence", text: `“${first.sentence.slice(0, 220)}”` }) : null),
    h("td", {}, ev.place || "—", h("div", { class: "small", text: names.country(ev.country) })),
    h("td", { text: eventDay(ev) || "—" }),
    h("td", { class: "actors", text: actorsLine(ev, names) }),
    h("td", { class: "counts" }, counts.length ? counts : "—"),
    h("td", {}, plural(mentions(ev), "article"),
      h("div", { class: "small", text: (ev.languages || []).map((l) => names.language(l)).join(", ") }),
      h("div", { class: "small", text: (ev.sources || []).join(", ") })));
}

/** Render page `ui.page` of `rows`; the pager says where we are. */
export function renderTable(tbody, pager, rows, ui, names, fresh) {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  ui.page = Math.min(ui.page, pages - 1);
  const shown = rows.slice(ui.page * PAGE_SIZE, (ui.page + 1) * PAGE_SIZE);
  if (!shown.length) fill(tbody, h("tr", {}, h("td", { colspan: 6, class: "empty", text: "No events match." })));
  else fill(tbody, shown.map((ev) => row(ev, names, ev.id === ui.selected, fresh.has(ev.id))));
  fill(pager, h("button", { type: "button", disabled: ui.page === 0 || null, dataset: { page: ui.page - 1 }, text: "‹ newer" }),
    h("span", { text: ` ${plural(rows.length, "event")} · page ${ui.page + 1} of ${pages} ` }),
    h("button", { type: "button", disabled: ui.page >= pages - 1 || null, dataset: { page: ui.page + 1 }, text: "older ›" }));
}

const articleCache = new Map();

async function articlesOf(ids) {
  const missing = ids.filter((id) => !articleCache.has(id));
  for (let i = 0; i < missing.length; i += 100) {
    const batch = missing.slice(i, i + 100);
    const response = await fetch("api/articles?ids=" + batch.map(encodeURIComponent).join(","));
    for (const article of await response.json()) articleCache.set(article.id, article);
  }
  return ids.map((id) => articleCache.get(id) || { id });
}

function articleItem(article, names) {
  const meta = [article.source, article.language ? names.language(article.language) : null,
    (article.published_at || "").slice(0, 16).replace("T", " ")].filter(Boolean).join(" · ");
  const title = article.title || article.id;
  const link = h("a", { href: article.url, rel: "noopener noreferrer", target: "_blank", text: title });
  return h("li", {}, link, meta ? h("div", { class: "small", text: meta }) : null);
}

/** The selected event in full: names, counts with their provenance, evidence and every listed article. */
export function renderDetail(panel, ev, names) {
  if (!ev) { fill(panel); panel.hidden = true; return; }
  panel.hidden = false;
  const where = [ev.place, names.country(ev.country)].filter(Boolean).join(", ");
  const list = h("ul", { class: "articles" }, h("li", { class: "small", text: "loading articles…" }));
  fill(panel,
    h("button", { type: "button", class: "close", "aria-label": "close", dataset: { close: "1" }, text: "×" }),
    h("h2", {}, typeBadge(ev.type, names), ev.mode ? ` · ${ev.mode}` : "", where ? ` in ${where}` : ""),
    h("p", { class: "definition", text: names.definition(ev.type) }),
    h("p", { text: `${eventDay(ev) || "undated"} · ${actorsLine(ev, names)}` }),
    Object.keys(ev.counts || {}).length ? h("ul", { class: "provenance" },
      Object.keys(ev.counts).map((kind) => h("li", { text: provenance(ev, kind) }))) : null,
    h("h3", { text: "What the articles say" }),
    h("ul", { class: "evidence-list" }, (ev.evidence || []).map((e) =>
      h("li", { text: `“${e.sentence}”` + (e.language ? ` (${names.language(e.language)})` : "") }))),
    h("h3", { text: `${plural(mentions(ev), "article")}` + ((ev.articles || []).length < mentions(ev) ? `, ${(ev.articles || []).length} listed` : "") }),
    list);
  panel.dataset.event = ev.id;
  articlesOf(ev.articles || []).then((articles) => {
    if (panel.dataset.event === ev.id) fill(list, articles.map((a) => articleItem(a, names)));
  }).catch(() => fill(list, h("li", { class: "small", text: "the desk did not answer: articles unavailable" })));
}
