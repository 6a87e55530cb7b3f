// The desk page: wires the feed, the filter (in the URL), the views and the keyboard together.

import { acknowledge, mute, renderAlerts, unmute } from "./alerts.js";
import { $, fill, h } from "./dom.js";
import { startFeed } from "./feed.js";
import { FIELDS, deleteView, filterQuery, matches, readFilter, saveView, savedViews, writeFilter } from "./filters.js";
import { WorldMap } from "./map.js";
import { Names } from "./names.js";
import { renderStories } from "./stories.js";
import { PAGE_SIZE, renderDetail, renderTable } from "./table.js";
import { renderTimeline } from "./timeline.js";

const events = new Map();
const alerts = [];
const alertIds = new Set();
const fresh = new Set();
const params = new URLSearchParams(location.search);
const ui = { filter: readFilter(), page: 0, selected: null, open: false, tab: params.get("tab") === "stories" ? "stories" : "events" };
let names, worldMap, shown = [];

const byLatest = (a, b) => ((b.last_seen || "") > (a.last_seen || "") ? 1 : (b.last_seen || "") < (a.last_seen || "") ? -1 : 0);

function render() {
  const all = [...events.values()];
  shown = all.filter((ev) => matches(ev, ui.filter, names)).sort(byLatest);
  renderTable($("events"), $("pager"), shown, ui, names, fresh);
  fresh.clear();
  renderDetail($("detail"), ui.open ? events.get(ui.selected) : null, names);
  worldMap.render(shown, ui.filter, names);
  renderTimeline($("timeline"), all.filter((ev) => matches(ev, ui.filter, names, ["from", "to"])), ui.filter, names);
  if (ui.tab === "stories") renderStories($("stories"), shown, names);
  renderAlerts($("alerts"), alerts);
  fill($("summary"), `${shown.length.toLocaleString()} of ${events.size.toLocaleString()} events`);
  refreshOptions(all);
}

let pending = null;
function schedule() { pending ??= setTimeout(() => { pending = null; render(); }, 120); }

const options = { "f-type": new Set(), "f-country": new Set(), "f-language": new Set(), "actor-list": new Set() };
function addOption(id, value, label) {
  if (!value || options[id].has(value)) return;
  options[id].add(value);
  $(id).append(id === "actor-list" ? h("option", { value, label }) : h("option", { value, text: label }));
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
  ui.page = 0;
  writeFilter(ui.filter);
  showFilter();
  renderViews();
  schedule();
}

function setTab(tab) {
  ui.tab = tab;
  const p = new URLSearchParams(location.search);
  tab === "events" ? p.delete("tab") : p.set("tab", tab);
  history.replaceState(null, "", location.pathname + (p.toString() ? "?" + p : ""));
  $("events-view").hidden = tab !== "events";
  $("stories").hidden = tab !== "stories";
  for (const b of document.querySelectorAll(".tabs button")) b.setAttribute("aria-selected", String(b.dataset.tab === tab));
  schedule();
}

function select(id, open) {
  ui.selected = id;
  ui.open = open;
  const index = shown.findIndex((ev) => ev.id === id);
  if (index >= 0) ui.page = Math.floor(index / PAGE_SIZE);
  render();
  document.querySelector(`#events tr.selected`)?.scrollIntoView({ block: "nearest" });
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
    h("button", { type: "button", dataset: { deleteView: view.name }, title: "forget this view", text: "×" }))));
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
  $("pager").addEventListener("click", (e) => { if (e.target.dataset.page) { ui.page = Number(e.target.dataset.page); render(); } });
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
  const text = { live: "live", reconnecting: "reconnecting…", down: "desk unreachable" }[state];
  $("status").textContent = text;
  $("status").className = state;
}

function takeAlert(alert) {
  if (alertIds.has(alert.id)) return;  // an alert fired again after a replay is the same alert
  alertIds.add(alert.id);
  alerts.unshift(alert);
  alerts.length = Math.min(alerts.length, 1000);
}

async function boot() {
  const lang = params.get("ui") || (navigator.language || "en").slice(0, 2);
  const [table, world] = await Promise.all([
    fetch(`api/names?lang=${encodeURIComponent(lang)}`).then((r) => r.json()),
    fetch("api/world").then((r) => r.json())]);
  names = new Names(table);
  document.documentElement.lang = table.lang;
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
