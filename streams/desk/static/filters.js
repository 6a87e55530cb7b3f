// The current filter lives in the URL (so a view can be shared and survives a reload);
// saved views are named URLs in localStorage.

export const FIELDS = ["type", "country", "actor", "language", "from", "to", "q", "min"];
const VIEWS_KEY = "kabar.desk.views";

export function readFilter(search = location.search) {
  const params = new URLSearchParams(search);
  return Object.fromEntries(FIELDS.map((f) => [f, params.get(f) || ""]));
}

/** The query string of a filter: empty fields left out, other parameters (ui) kept. */
export function filterQuery(filter, search = location.search) {
  const params = new URLSearchParams(search);
  for (const f of FIELDS) filter[f] ? params.set(f, filter[f]) : params.delete(f);
  const query = params.toString();
  return query ? "?" + query : "";
}

export function writeFilter(filter) {
  const query = filterQuery(filter);
  if (query !== location.search) history.replaceState(null, "", location.pathname + query);
}

/** The day an event happened, else the day it was first reported. */
export const eventDay = (ev) => ev.date || (ev.first_seen || "").slice(0, 10);
export const mentions = (ev) => ev.mentions || (ev.articles || []).length;

const haystacks = new WeakMap();
function haystack(ev, names) {
  let hay = haystacks.get(ev);
  if (hay === undefined) {
    const actors = [...(ev.actors || []), ...(ev.targets || [])];
    hay = [ev.type, names.type(ev.type), ev.mode, ev.place, ev.country, names.country(ev.country),
      ...actors, ...actors.map((a) => names.actor(a)), ...(ev.sources || []),
      ...(ev.evidence || []).map((e) => e.sentence)].join(" ").toLowerCase();
    haystacks.set(ev, hay);
  }
  return hay;
}

/** Does `ev` pass `filter`? `skip` names fields to ignore (the timeline shows the days around a range). */
export function matches(ev, filter, names, skip = []) {
  const on = (f) => filter[f] && !skip.includes(f);
  if (on("type") && ev.type !== filter.type) return false;
  if (on("country") && ev.country !== filter.country) return false;
  if (on("language") && !(ev.languages || []).includes(filter.language)) return false;
  if (on("min") && mentions(ev) < Number(filter.min)) return false;
  const day = eventDay(ev);
  if (on("from") && !(day >= filter.from)) return false;
  if (on("to") && !(day <= filter.to)) return false;
  if (on("actor")) {
    const want = filter.actor.toLowerCase();
    const hit = [...(ev.actors || []), ...(ev.targets || [])]
      .some((a) => a.toLowerCase() === want || names.actor(a).toLowerCase().includes(want));
    if (!hit) return false;
  }
  if (on("q") && !haystack(ev, names).includes(filter.q.trim().toLowerCase())) return false;
  return true;
}

export function savedViews() {
  try { return JSON.parse(localStorage.getItem(VIEWS_KEY) || "[]"); } catch { return []; }
}

export function saveView(name, query) {
  const views = savedViews().filter((v) => v.name !== name);
  views.push({ name, query });
  localStorage.setItem(VIEWS_KEY, JSON.stringify(views));
}

export function deleteView(name) {
  localStorage.setItem(VIEWS_KEY, JSON.stringify(savedViews().filter((v) => v.name !== name)));
}
