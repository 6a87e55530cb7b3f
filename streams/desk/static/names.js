// Codes as a reader says them, from /api/names (streams/desk/names.py builds it; actor() mirrors actor_label).

export const TYPE_COLOURS = {
  PROTEST: "#d92d20", ASSAULT: "#7a271a", COERCE: "#c4320a", MOBILIZE: "#dc6803", THREATEN: "#b54708",
  SANCTION: "#a15c07", ACCUSE: "#7839ee", REJECT: "#9e77ed", REQUEST: "#2e90fa", CONSULT: "#1570ef",
  AGREE: "#039855", SUPPORT: "#12b76a", COOPERATE: "#0e9384", AID: "#15b79e", CONCEDE: "#4e5ba6",
  RETREAT: "#667085",
};
export const typeColour = (type) => TYPE_COLOURS[type] || "#475467";

export class Names {
  constructor(table) { this.t = table; }
  country(cc) { return cc ? this.t.countries[cc] || cc : ""; }
  language(code) { return this.t.languages[code] || code; }
  type(type) { return this.t.types[type]?.label || type; }
  definition(type) { return this.t.types[type]?.definition || ""; }
  mode(mode) { return this.t.modes[mode] || mode; }
  countKind(kind) { return this.t.count_kinds[kind] || kind; }

  actor(code) {
    const [cc, sector] = String(code).split(/:(.*)/s);
    if (sector === undefined) return /^[A-Z]{2}$/.test(code) ? this.country(code) : code;
    const demonym = this.t.demonyms[cc];
    const template = demonym || !this.t.template.includes("{demonym}") ? this.t.template : this.t.template_no_demonym;
    const parts = { demonym, country: this.country(cc), sector: this.t.sectors[sector] || sector };
    return template.replace(/\{(demonym|country|sector)\}/g, (_, key) => parts[key]);
  }
}
