// The desk page: wires the feed, the filter and the page language (in the URL), the views and the keyboard together.

import { acknowledge, mute, renderAlerts, unmute } from "./alerts.js";
import { $, fill, h } from "./dom.js";
import { startFeed } from "./feed.js";
import { FIELDS, deleteView, filterQuery, matches, readFilter, saveView, savedViews, writeFilter } from "./filters.js";
import { setWords, t, translatePage } from "./i18n.js";
import { WorldMap } from "./map.js";
import { Names } from "./names.js";
import { renderStories } from "./stories.js";
import { renderDetail, renderTable, scrollToRow } from "./table.js";
import { renderTimeline } from "./timeline.js";

const events = new Map();
const alerts = [];
const alertIds = new Set();
const fresh = new Set();
const params = new URLSearchParams(location.search);
const ui = { filter: readFilter(), selected: null, open: false, tab: params.get("tab") === "stories" ? "stories" : "events" };
let names, worldMap, shown = [], connection = "connecting";

const byLatest = (a, b) => ((b.last_seen || "") > (a.last_seen || "") ? 1 : (b.last_seen || "") < (a.last_seen || "") ? -1 : 0);

function render() {
  const all = [...events.values()];
  shown = all.filter((ev) => matches(ev, ui.filter, names)).sort(byLatest);
  renderTable($("events-scroll"), $("events"), shown, ui, names, fresh);
  fresh.clear();
  renderDetail($("detail"), ui.open ? events.get(ui.selected) : null, names);
  worldMap.render(shown, ui.filter, names);
  renderTimeline($("timeline"), all.filter((ev) => matches(ev, ui.filter, names, ["from", "to"])), ui.filter, names);
  if (ui.tab === "stories") renderStories($("stories"), shown, names);
  renderAlerts($("alerts"), alerts);
  fill($("summary"), t("events.summary", { shown: shown.length, n: events.size }));
  refreshOptions(all);
}

let pending = null;
function schedule() { pending ??= setTimeout(() => { pending = null; render(); }, 120); }

let frame = null;
/** Scrolling the list redraws the rows in view, nothing else. */
function scrolled() {
  frame ??= requestAnimationFrame(() => { frame = null; renderTable($("events-scroll"), $("events"), shown, ui, names, new Set()); });
}

const options = { "f-type": new Set(), "f-country": new Set(), "f-language": new Set(), "actor-list": new Set() };
function addOption(id, value, label) {
  if (!value || options[id].has(value)) return;
  options[id].add(value);
  $(id).append(id === "actor-list" ? h("option", { value, label }) : h("option", { value, text: label }));
}
/** Name the options again, in a new page language: the first (all ...) is in the markup. */
function relabelOptions() {
  for (const id of Object.keys(options)) {
    options[id].clear();
    const keep = id === "actor-list" ? 0 : 1;
    while ($(id).options.length > keep) $(id).lastElementChild.remove();
  }
  refreshOptions([...events.values()]);
  showFilter();
}

function refreshOptions(all) {
  for (const ev of all) {
    addOption("f-type", ev.type, names.type(ev.type));
    addOption("f-country", ev.country, names.country(ev.country));
    for (const l of ev.languages || []) addOption("f-language", l, names.language(l));
    for (const a of [...(ev.actors || []), ...(ev.targets || [])]) addOption("actor-list", a, names.actor(a));
  }
}

function showFilter() {
  for (const f of FIELDS) {
    const el = $("f-" + f);
    if (el.tagName === "SELECT") addOption(el.id, ui.filter[f], f === "type" ? names.type(ui.filter[f]) : f === "country" ? names.country(ui.filter[f]) : names.language(ui.filter[f]));
    el.value = ui.filter[f];
  }
}

function setFilter(changes) {
  Object.assign(ui.filter, changes);
  $("events-scroll").scrollTop = 0;
  writeFilter(ui.filter);
  showFilter();
  renderViews();
  schedule();
}

/** Set (or, with "", drop) a parameter of the URL that is not a filter: tab, lang. */
function setParam(name, value) {
  const p = new URLSearchParams(location.search);
  value ? p.set(name, value) : p.delete(name);
  history.replaceState(null, "", location.pathname + (p.toString() ? "?" + p : ""));
}

function setTab(tab) {
  ui.tab = tab;
  setParam("tab", tab === "events" ? "" : tab);
  $("events-view").hidden = tab !== "events";
  $("stories").hidden = tab !== "stories";
  for (const b of document.querySelectorAll(".tabs button")) b.setAttribute("aria-selected", String(b.dataset.tab === tab));
  schedule();
}

function select(id, open) {
  ui.selected = id;
  ui.open = open;
  const index = shown.findIndex((ev) => ev.id === id);
  if (index >= 0) scrollToRow($("events-scroll"), index);
  render();
  document.querySelector(`#events tr.selected`)?.scrollIntoView({ block: "nearest" });  // the list into the window
}

function move(step) {
  if (!shown.length) return;
  const index = shown.findIndex((ev) => ev.id === ui.selected);
  const next = index < 0 ? 0 : Math.max(0, Math.min(shown.length - 1, index + step));
  select(shown[next].id, ui.open);
}

function renderViews() {
  fill($("view-list"), savedViews().map((view) => h("li", {},
    h("a", { href: location.origin + location.pathname + view.query, text: view.name }),
    h("button", { type: "button", dataset: { deleteView: view.name }, title: t("views.forget"), text: "×" }))));
}

function bind() {
  for (const f of FIELDS) {
    const el = $("f-" + f);
    el.addEventListener(el.tagName === "SELECT" ? "change" : "input", () => setFilter({ [f]: el.value }));
  }
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  $("filters").addEventListener("reset", (e) => { e.preventDefault(); setFilter(Object.fromEntries(FIELDS.map((f) => [f, ""]))); });
  document.querySelector(".tabs").addEventListener("click", (e) => { if (e.target.dataset.tab) setTab(e.target.dataset.tab); });
  $("events").addEventListener("click", (e) => { const tr = e.target.closest("tr[data-id]"); if (tr) select(tr.dataset.id, true); });
  $("stories").addEventListener("click", (e) => { const li = e.target.closest("li[data-id]"); if (li) select(li.dataset.id, true); });
  $("events-scroll").addEventListener("scroll", scrolled, { passive: true });
  $("page-lang").addEventListener("change", (e) => {
    setParam("lang", e.target.value);
    loadWords(e.target.value).then(() => { relabelOptions(); renderViews(); render(); }).catch(() => status("down"));
  });
  $("detail").addEventListener("click", (e) => { if (e.target.dataset.close) { ui.open = false; render(); } });
  $("alerts").addEventListener("click", (e) => {
    const d = e.target.dataset;
    if (d.ack) acknowledge(d.ack);
    else if (d.mute) mute(d.mute);
    else if (d.unmute) unmute(d.unmute);
    else { const card = e.target.closest(".alert"); if (card && events.has(card.dataset.event)) select(card.dataset.event, true); return; }
    render();
  });
  $("map").addEventListener("click", (e) => {
    const target = e.target.closest("[data-country]");
    if (!target) return;
    const cc = target.dataset.country;
    setFilter({ country: ui.filter.country === cc && !target.dataset.id ? "" : cc });
    if (target.dataset.id) select(target.dataset.id, true);
  });
  $("timeline").addEventListener("click", (e) => {
    const day = e.target.closest("[data-day]")?.dataset.day;
    if (!day) return;
    if (e.shiftKey && (ui.filter.from || ui.filter.to)) {
      const ends = [ui.filter.from || ui.filter.to, ui.filter.to || ui.filter.from, day].sort();
      setFilter({ from: ends[0], to: ends[2] });
    } else setFilter({ from: day, to: day });
  });
  $("save-view").addEventListener("submit", (e) => {
    e.preventDefault();
    saveView($("view-name").value.trim(), filterQuery(ui.filter));
    $("view-name").value = "";
    renderViews();
  });
  $("view-list").addEventListener("click", (e) => { if (e.target.dataset.deleteView) { deleteView(e.target.dataset.deleteView); renderViews(); } });
  document.addEventListener("keydown", (e) => {
    const typing = e.target.closest?.("input, select, textarea");
    if (e.key === "Escape") { if (typing) e.target.blur(); else { ui.open = false; render(); } return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "/") { e.preventDefault(); $("f-q").focus(); }
    else if (e.key === "j") move(1);
    else if (e.key === "k") move(-1);
    else if (e.key === "Enter" && ui.selected) select(ui.selected, true);
  });
}

function status(state) {
  connection = state;
  $("status").textContent = t(`status.${state}`);
  $("status").className = state;
}

/** The names and the page's words in `lang` (or, when none is asked, the browser's language), put in the page. */
async function loadWords(lang) {
  const response = await fetch("api/names" + (lang ? `?lang=${encodeURIComponent(lang)}` : ""));
  const table = await response.json();
  names = new Names(table);
  setWords(table);
  document.documentElement.lang = table.lang;
  translatePage();
  fill($("page-lang"), Object.entries(table.page_languages).map(([code, name]) =>
    h("option", { value: code, text: name, selected: code === table.lang || null })));
  status(connection);
}

function takeAlert(alert) {
  if (alertIds.has(alert.id)) return;  // an alert fired again after a replay is the same alert
  alertIds.add(alert.id);
  alerts.unshift(alert);
  alerts.length = Math.min(alerts.length, 1000);
}

async function boot() {
  const [world] = await Promise.all([fetch("api/world").then((r) => r.json()), loadWords(params.get("lang"))]);
  worldMap = new WorldMap($("map"), world);
  bind();
  showFilter();
  renderViews();
  setTab(ui.tab);
  startFeed({
    onSnapshot(snapshot) {
      events.clear();
      for (const ev of snapshot.events) events.set(ev.id, ev);
      alerts.length = 0;
      alertIds.clear();
      [...snapshot.alerts].reverse().forEach(takeAlert);
      schedule();
    },
    onEvent(ev) { events.set(ev.id, ev); fresh.add(ev.id); schedule(); },
    onAlert(alert) { takeAlert(alert); schedule(); },
    onStatus: status,
  });
}

boot().catch((error) => { status("down"); console.error(error); });
