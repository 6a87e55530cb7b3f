// Event counts per day and type for the current filter (its date range aside), as stacked bars;
// the range is shaded; a click picks a day, a shift-click extends the range to it.

import { fill, s } from "./dom.js";
import { eventDay } from "./filters.js";
import { count } from "./i18n.js";
import { typeColour } from "./names.js";

const MAX_DAYS = 120;
const HEIGHT = 120;

/** The days from `from` to `to`, at most the last MAX_DAYS of them. */
function days(from, to) {
  const start = new Date(to + "T00:00:00Z");
  start.setUTCDate(start.getUTCDate() - (MAX_DAYS - 1));
  const out = [];
  for (let d = new Date(Math.max(start, new Date(from + "T00:00:00Z"))); ; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    if (day > to) return out;
    out.push(day);
  }
}

export function countsByDay(events) {
  const counts = new Map();
  for (const ev of events) {
    const day = eventDay(ev);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    const perType = counts.get(day) || new Map();
    perType.set(ev.type, (perType.get(ev.type) || 0) + 1);
    counts.set(day, perType);
  }
  return counts;
}

export function renderTimeline(svgEl, events, filter, names) {
  const counts = countsByDay(events);
  const known = [...counts.keys()].sort();
  if (!known.length) { fill(svgEl); return; }
  const span = days(known[0], known[known.length - 1]);
  const peak = Math.max(...span.map((d) => [...(counts.get(d) || new Map()).values()].reduce((a, b) => a + b, 0)));
  const WIDTH = Math.max(200, svgEl.clientWidth || 600);
  const barWidth = WIDTH / span.length;
  const bars = [];
  span.forEach((day, i) => {
    const inRange = (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to);
    const x = i * barWidth;
    let y = HEIGHT - 14;
    const total = [...(counts.get(day) || new Map()).values()].reduce((a, b) => a + b, 0);
    const group = s("g", { class: `day${inRange && (filter.from || filter.to) ? " in-range" : ""}`, dataset: { day } },
      s("rect", { class: "hit", x, y: 0, width: barWidth, height: HEIGHT - 14 }),
      s("title", { text: `${day}: ${count("count.events", total)}` +
        [...(counts.get(day) || new Map())].map(([t, n]) => `\n${names.type(t)} ${n}`).join("") }));
    for (const [type, n] of [...(counts.get(day) || new Map())].sort()) {
      const height = (n / peak) * (HEIGHT - 20);
      y -= height;
      const bar = s("rect", { x: x + 1, y, width: Math.max(1, barWidth - 2), height, class: inRange ? "" : "out" });
      bar.style.fill = typeColour(type);
      group.append(bar);
    }
    bars.push(group);
    if (i % Math.ceil(span.length / Math.floor(WIDTH / 48)) === 0) {
      bars.push(s("text", { x: x + barWidth / 2, y: HEIGHT - 2, "text-anchor": "middle", class: "axis", text: day.slice(5) }));
    }
  });
  svgEl.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
  fill(svgEl, bars);
}
