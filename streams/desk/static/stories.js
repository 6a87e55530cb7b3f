// Events grouped by story (the pipeline's `story` id), with what is growing now: mentions in the
// last hour against the hour before, from each event's mention_history ([[time, mentions], ...]).

import { fill, h } from "./dom.js";
import { mentions } from "./filters.js";
import { count, t } from "./i18n.js";
import { typeBadge } from "./table.js";

const HOUR = 3600;

/** Mentions an event had at `t` (seconds): its last recorded count at or before `t`, 0 before the first. */
export function mentionsAt(ev, t) {
  let count = 0;
  for (const [at, value] of ev.mention_history || []) {
    if (at > t) break;
    count = value;
  }
  return count;
}

export function groupStories(events, now = Date.now() / 1000) {
  const stories = new Map();
  for (const ev of events) {
    const key = ev.story || ev.id;
    let story = stories.get(key);
    if (!story) {
      story = { id: key, events: [], languages: new Set(), sources: new Set(), countries: new Set(),
        mentions: 0, first: "", last: "", lastHour: 0, hourBefore: 0 };
      stories.set(key, story);
    }
    story.events.push(ev);
    (ev.languages || []).forEach((l) => story.languages.add(l));
    (ev.sources || []).forEach((s) => story.sources.add(s));
    if (ev.country) story.countries.add(ev.country);
    story.mentions += mentions(ev);
    if (ev.first_seen && (!story.first || ev.first_seen < story.first)) story.first = ev.first_seen;
    if (ev.last_seen && ev.last_seen > story.last) story.last = ev.last_seen;
    const [now0, hourAgo, twoHoursAgo] = [mentionsAt(ev, now), mentionsAt(ev, now - HOUR), mentionsAt(ev, now - 2 * HOUR)];
    story.lastHour += now0 - hourAgo;
    story.hourBefore += hourAgo - twoHoursAgo;
  }
  for (const story of stories.values()) story.events.sort((a, b) => mentions(b) - mentions(a));
  return [...stories.values()].sort((a, b) => b.lastHour - a.lastHour || b.mentions - a.mentions || (b.last > a.last ? 1 : -1));
}

const when = (iso) => (iso || "").slice(0, 16).replace("T", " ");

function growth(story) {
  const { lastHour, hourBefore } = story;
  const trend = lastHour > hourBefore ? "up" : lastHour < hourBefore ? "down" : "flat";
  const arrow = { up: "▲", down: "▼", flat: "■" }[trend];
  return h("span", { class: `growth ${trend}`, title: t("story.growth_help") },
    `${arrow} ${t("story.growth", { last: lastHour, before: hourBefore })}`);
}

export function renderStories(panel, events, names, limit = 60) {
  const stories = groupStories(events);
  const cards = stories.slice(0, limit).map((story) => {
    const lead = story.events[0];
    const where = [lead.place, names.country(lead.country)].filter(Boolean).join(", ");
    return h("article", { class: "story", dataset: { story: story.id } },
      h("h3", {}, typeBadge(lead.type, names), where ? ` ${t("event.in", { where })}` : ""),
      (lead.evidence || [])[0] ? h("p", { class: "evidence", text: `“${lead.evidence[0].sentence}”` }) : null,
      h("p", { class: "small", text: `${count("count.events", story.events.length)} · ${count("count.articles", story.mentions)} · ` +
        `${count("count.languages", story.languages.size)}: ${[...story.languages].map((l) => names.language(l)).join(", ")}` }),
      h("p", { class: "small", text: t("story.outlets", { list: [...story.sources].join(", ") }) }),
      h("p", { class: "small", text: t("story.seen", { first: when(story.first), last: when(story.last) }) }),
      growth(story),
      h("ul", { class: "story-events" }, story.events.slice(0, 8).map((ev) =>
        h("li", { dataset: { id: ev.id } }, typeBadge(ev.type, names), ` ${ev.place || names.country(ev.country) || ""} · ${count("count.articles", mentions(ev))}`))));
  });
  fill(panel, cards.length ? cards : h("div", { class: "empty", text: t("story.none") }),
    stories.length > limit ? h("p", { class: "small", text: count("story.more", stories.length - limit) }) : null);
}
