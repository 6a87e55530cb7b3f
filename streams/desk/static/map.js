// The world from /api/world (Natural Earth 1:110m, shipped with the desk: no tiles, no outside
// request), drawn in SVG in an equirectangular projection (x = lon, y = -lat, in tenths of a degree).
// Events are circles at their place, or their country's middle when they have none, coloured by
// type and sized by mentions. A click on a country or a circle filters to its country.

import { fill, s } from "./dom.js";
import { mentions } from "./filters.js";
import { count, t } from "./i18n.js";
import { typeColour } from "./names.js";

const VIEW = "-1800 -840 3600 1440";  // 84°N to 60°S: world.json has no Antarctica

export class WorldMap {
  constructor(svgEl, world) {
    this.svg = svgEl;
    this.svg.setAttribute("viewBox", VIEW);
    this.countries = s("g", { class: "countries" });
    this.points = s("g", { class: "points" });
    this.middles = new Map();
    this.paths = new Map();
    for (const country of world.countries) {
      const d = country.rings.map((ring) => {
        let path = "";
        for (let i = 0; i < ring.length; i += 2) path += `${i ? "L" : "M"}${ring[i]},${-ring[i + 1]}`;
        return path + "Z";
      }).join("");
      const path = s("path", { d, class: "country", dataset: { country: country.cc } }, s("title", { text: country.name }));
      this.countries.append(path);
      this.paths.set(country.cc, (this.paths.get(country.cc) || []).concat(path));
      if (!this.middles.has(country.cc)) this.middles.set(country.cc, middle(country.rings));
    }
    fill(this.svg, this.countries, this.points);
  }

  render(events, filter, names) {
    const perCountry = new Map();
    const spots = new Map();
    for (const ev of events) {
      if (ev.country) perCountry.set(ev.country, (perCountry.get(ev.country) || 0) + 1);
      const loc = ev.location && ev.location.lat != null ? [ev.location.lon * 10, ev.location.lat * 10] : this.middles.get(ev.country);
      if (!loc) continue;
      const key = `${Math.round(loc[0] / 5)},${Math.round(loc[1] / 5)}`;  // half a degree: one circle per spot
      const spot = spots.get(key) || { x: loc[0], y: -loc[1], events: [], mentions: 0, types: new Map() };
      spot.events.push(ev);
      spot.mentions += mentions(ev);
      spot.types.set(ev.type, (spot.types.get(ev.type) || 0) + mentions(ev));
      spots.set(key, spot);
    }
    for (const [cc, paths] of this.paths) {
      for (const path of paths) {
        path.classList.toggle("has-events", perCountry.has(cc));
        path.classList.toggle("chosen", filter.country === cc);
      }
    }
    const circles = [...spots.values()].sort((a, b) => b.mentions - a.mentions).map((spot) => {
      const type = [...spot.types].sort((a, b) => b[1] - a[1])[0][0];
      const lead = spot.events.reduce((a, b) => (mentions(b) > mentions(a) ? b : a));
      const where = [lead.place, names.country(lead.country)].filter(Boolean).join(", ");
      const circle = s("circle", { cx: spot.x, cy: spot.y, r: Math.min(90, 14 + 9 * Math.sqrt(spot.mentions)), class: "point",
        dataset: { country: lead.country || "", id: lead.id } },
        s("title", { text: t("map.point", { where, events: count("count.events", spot.events.length),
          articles: count("count.articles", spot.mentions), type: names.type(type) }) }));
      circle.style.fill = typeColour(type);
      return circle;
    });
    fill(this.points, circles);
  }
}

/** The middle of a country's largest ring (its bounding box's centre): where its unplaced events go. */
function middle(rings) {
  const ring = rings.reduce((a, b) => (b.length > a.length ? b : a));
  const xs = ring.filter((_, i) => i % 2 === 0), ys = ring.filter((_, i) => i % 2 === 1);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}
