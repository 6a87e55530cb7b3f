// The page's own words in the page language: `ui` of /api/names (streams/data/<lang>/desk_ui.json).
// A word is a string, or {one, other} chosen by the plural category of its `n` (Intl.PluralRules);
// `{name}` is filled in from the parameters. Words and parameters only ever become text.

let words = {};
let lang = "en";
let plurals = new Intl.PluralRules("en");

export function setWords(table) {
  words = table.ui;
  lang = table.lang;
  plurals = new Intl.PluralRules(lang);
}

export const pageLanguage = () => lang;
export const num = (n) => Number(n).toLocaleString(lang);
export const has = (key) => key in words;

/** The word `key` with its `{name}`s filled in; numbers are written the page language's way. */
export function t(key, params = {}) {
  let word = words[key] ?? key;
  if (typeof word === "object") word = word[plurals.select(params.n ?? 0)] ?? word.other;
  return word.replace(/\{(\w+)\}/g, (whole, name) =>
    name in params ? (typeof params[name] === "number" ? num(params[name]) : String(params[name])) : whole);
}

/** "3 articles": `key` is a count.* word. */
export const count = (key, n) => t(key, { n });

const ATTRIBUTES = { i18nPlaceholder: "placeholder", i18nAriaLabel: "aria-label", i18nTitle: "title" };

/** The words of the static markup: `data-i18n` is an element's text, `data-i18n-<attribute>` an attribute's. */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-i18n], [data-i18n-placeholder], [data-i18n-aria-label], [data-i18n-title]")) {
    if (el.dataset.i18n) el.textContent = t(el.dataset.i18n);
    for (const [key, attribute] of Object.entries(ATTRIBUTES)) if (el.dataset[key]) el.setAttribute(attribute, t(el.dataset[key]));
  }
}
