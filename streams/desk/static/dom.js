// Building the page from data without ever parsing data as markup: every string becomes a text node
// or an attribute value set through the DOM, and links keep only http(s) addresses.

const SVG_NS = "http://www.w3.org/2000/svg";

/** An http(s) address as an absolute URL, or null (javascript:, data:, relative or garbled). */
export function safeUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function build(el, props, children) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key === "text") el.textContent = String(value);
    else if (key === "href") { const url = safeUrl(value); if (url) el.setAttribute("href", url); }
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));  // a string is a text node
  }
  return el;
}

/** h("a", {href, text}, ...children): an HTML element. */
export const h = (tag, props, ...children) => build(document.createElement(tag), props, children);

/** An SVG element; its title child, when given, is a hover text. */
export const s = (tag, props, ...children) => build(document.createElementNS(SVG_NS, tag), props, children);

export const $ = (id) => document.getElementById(id);

/** Replace the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c != null && c !== false));
}
