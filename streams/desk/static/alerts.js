// Alerts, acknowledged one by one and muted per rule. Both are kept in this browser's localStorage
// (not on the desk): another browser, or a cleared profile, starts afresh.

import { fill, h } from "./dom.js";
import { count, has, t } from "./i18n.js";

const ACKED_KEY = "kabar.desk.acked";
const MUTED_KEY = "kabar.desk.muted";
const MAX_ACKED = 5000;

const load = (key) => { try { return new Set(JSON.parse(localStorage.getItem(key) || "[]")); } catch { return new Set(); } };
const store = (key, set) => localStorage.setItem(key, JSON.stringify([...set].slice(-MAX_ACKED)));

export const acked = load(ACKED_KEY);
export const muted = load(MUTED_KEY);

export function acknowledge(id) { acked.add(id); store(ACKED_KEY, acked); }
export function mute(rule) { muted.add(rule); store(MUTED_KEY, muted); }
export function unmute(rule) { muted.delete(rule); store(MUTED_KEY, muted); }

const severity = (value) => (has(`severity.${value}`) ? t(`severity.${value}`) : value);

export function renderAlerts(panel, alerts) {
  const shown = alerts.filter((a) => !muted.has(a.rule)).slice(0, 100);
  const open = shown.filter((a) => !acked.has(a.id)).length;
  const items = shown.map((a) => h("div", { class: `alert ${a.severity}${acked.has(a.id) ? " acked" : ""}`, dataset: { id: a.id, event: a.event_id, rule: a.rule } },
    h("div", { class: "rule", text: `${a.rule} · ${severity(a.severity)}` }),
    h("div", { class: "message", text: a.message }),
    h("div", { class: "small", text: (a.at || "").replace("T", " ") }),
    h("div", { class: "actions" },
      acked.has(a.id) ? h("span", { class: "small", text: t("alerts.acknowledged") })
        : h("button", { type: "button", dataset: { ack: a.id }, text: t("alerts.acknowledge") }),
      h("button", { type: "button", dataset: { mute: a.rule }, text: t("alerts.mute") }))));
  fill(panel,
    h("h2", {}, t("alerts.title"), " ", h("span", { class: "small", text: t("alerts.open", { n: open }) })),
    items.length ? items : h("div", { class: "empty", text: t("alerts.none") }),
    muted.size ? h("div", { class: "muted-rules small" }, t("alerts.muted"), " ",
      [...muted].map((rule) => h("button", { type: "button", dataset: { unmute: rule }, title: t("alerts.unmute"), text: `${rule} ×` })),
      " ", count("alerts.hidden", alerts.filter((a) => muted.has(a.rule)).length)) : null);
}
