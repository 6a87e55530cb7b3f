// The events table as a windowed list: every row has the same height (its cells are clipped to it, the
// detail shows all), so the table holds only the rows in view and a few around them, between two
// spacer rows as tall as the rows left out: 10,000 events scroll as smoothly as ten.
// And the detail of the selected event with the articles behind it.

import { fill, h } from "./dom.js";
import { eventDay, mentions } from "./filters.js";
import { count, num, t } from "./i18n.js";
import { typeColour } from "./names.js";

/** Rows drawn above and below the visible ones, so a quick scroll does not show the spacer. */
const OVERSCAN = 8;
let measured = 0;

export function typeBadge(type, names) {
  const dot = h("i", { class: "dot" });
  dot.style.backgroundColor = typeColour(type);
  return h("span", { class: "type", title: `${names.type(type)}: ${names.definition(type)}` }, dot, names.type(type));
}

const countText = (ev, kind, names) => t("event.count", { value: num(ev.counts[kind]), kind: names.countKind(kind) });

/** Where a count comes from, as a sentence: the value, the sentence it was read in, and its article. */
export function provenance(ev, kind, names) {
  const source = (ev.count_sources || {})[kind];
  if (!source) return countText(ev, kind, names);
  const said = (ev.evidence || []).find((e) => e.article_id === source.article_id);
  return t("event.provenance", { count: countText(ev, kind, names), article: source.article_id, at: source.published_at }) +
    (said ? `: “${said.sentence}”` : "");
}

const actorsLine = (ev, names) => {
  const who = (ev.actors || []).map((a) => names.actor(a)).join(", ") || "—";
  const whom = (ev.targets || []).map((a) => names.actor(a)).join(", ") || "—";
  return `${who} → ${whom}`;
};

/** A cell whose content is clipped to the row's height. */
const cell = (props, ...children) => h("td", {}, h("div", { class: "cell", ...props }, ...children));

function row(ev, names, selected, fresh) {
  const first = (ev.evidence || [])[0];
  const counts = Object.keys(ev.counts || {}).map((kind) => h("span", { title: provenance(ev, kind, names) }, countText(ev, kind, names)));
  return h("tr", { dataset: { id: ev.id }, class: ["row", selected ? "selected" : "", fresh ? "fresh" : ""].join(" ").trim() },
    cell({}, typeBadge(ev.type, names), ev.mode ? h("span", { class: "mode", text: ` ${names.mode(ev.mode)}` }) : null,
      first ? h("div", { class: "evidence", text: `“${first.sentence.slice(0, 220)}”` }) : null),
    cell({}, ev.place || "—", h("div", { class: "small", text: names.country(ev.country) })),
    cell({ text: eventDay(ev) || "—" }),
    cell({ class: "cell actors", text: actorsLine(ev, names) }),
    cell({ class: "cell counts" }, counts.length ? counts : "—"),
    cell({}, count("count.articles", mentions(ev)),
      h("div", { class: "small line", text: (ev.languages || []).map((l) => names.language(l)).join(", ") }),
      h("div", { class: "small line", text: (ev.sources || []).join(", ") })));
}

function spacer(height) {
  const tr = h("tr", { class: "spacer", "aria-hidden": "true" }, h("td", { colspan: 6 }));
  tr.style.height = `${height}px`;
  return tr;
}

/** A row's height: measured from a drawn row, else the stylesheet's --row-height. */
const rowHeight = (scroller) => measured || parseFloat(getComputedStyle(scroller).getPropertyValue("--row-height")) || 80;
const headHeight = (scroller) => scroller.querySelector("thead").offsetHeight;

/** Draw the rows of `rows` that the scroller shows (and OVERSCAN more each side). */
export function renderTable(scroller, tbody, rows, ui, names, fresh, remeasured = false) {
  if (!rows.length) { fill(tbody, h("tr", {}, h("td", { colspan: 6, class: "empty", text: t("events.none") }))); return; }
  const height = rowHeight(scroller);
  const start = Math.max(0, Math.floor(scroller.scrollTop / height) - OVERSCAN);
  const end = Math.min(rows.length, Math.ceil((scroller.scrollTop + scroller.clientHeight - headHeight(scroller)) / height) + OVERSCAN);
  fill(tbody, start ? spacer(start * height) : null,
    rows.slice(start, end).map((ev) => row(ev, names, ev.id === ui.selected, fresh.has(ev.id))),
    end < rows.length ? spacer((rows.length - end) * height) : null);
  const drawn = tbody.querySelector("tr.row")?.getBoundingClientRect().height;
  if (drawn && Math.abs(drawn - height) > 0.5 && !remeasured) {  // the last height (or the stylesheet's) was off
    measured = drawn;
    renderTable(scroller, tbody, rows, ui, names, fresh, true);
  }
}

/** Scroll the list (not the page) just enough for row `index` to be in view below the header. */
export function scrollToRow(scroller, index) {
  const height = rowHeight(scroller);
  const top = index * height;
  const bottom = headHeight(scroller) + top + height;
  if (top < scroller.scrollTop) scroller.scrollTop = top;
  else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
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
  const listed = (ev.articles || []).length;
  const articles = count("count.articles", mentions(ev));
  const list = h("ul", { class: "articles" }, h("li", { class: "small", text: t("event.loading") }));
  fill(panel,
    h("button", { type: "button", class: "close", "aria-label": t("keys.close"), dataset: { close: "1" }, text: "×" }),
    h("h2", {}, typeBadge(ev.type, names), ev.mode ? ` · ${names.mode(ev.mode)}` : "", where ? ` ${t("event.in", { where })}` : ""),
    h("p", { class: "definition", text: names.definition(ev.type) }),
    h("p", { text: `${eventDay(ev) || t("event.undated")} · ${actorsLine(ev, names)}` }),
    Object.keys(ev.counts || {}).length ? h("ul", { class: "provenance" },
      Object.keys(ev.counts).map((kind) => h("li", { text: provenance(ev, kind, names) }))) : null,
    h("h3", { text: t("event.what_they_say") }),
    h("ul", { class: "evidence-list" }, (ev.evidence || []).map((e) =>
      h("li", { text: `“${e.sentence}”` + (e.language ? ` (${names.language(e.language)})` : "") }))),
    h("h3", { text: listed < mentions(ev) ? t("event.listed", { articles, n: listed }) : articles }),
    list);
  panel.dataset.event = ev.id;
  articlesOf(ev.articles || []).then((found) => {
    if (panel.dataset.event === ev.id) fill(list, found.map((a) => articleItem(a, names)));
  }).catch(() => fill(list, h("li", { class: "small", text: t("event.unavailable") })));
}
