// Small DOM helpers: every text goes through textContent, never innerHTML.

/** el('td', {class: 'num', dataset: {id: 'v1'}}, 'text', childNode, ...) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'style') Object.assign(node.style, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export const $ = (selector) => document.querySelector(selector);

/** "2026-11-24T08:05:00+01:00" -> "08:05" (the plan's own local time). */
export function hhmm(iso) {
  if (!iso) return '—';
  const m = /T(\d\d:\d\d)/.exec(iso);
  return m ? m[1] : iso;
}

export function day(iso) {
  return iso ? iso.slice(0, 10) : '';
}

export function duration(seconds) {
  if (seconds === undefined || seconds === null) return '—';
  const s = Math.round(Number(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

export function km(meters) {
  return meters === undefined || meters === null ? '—' : `${(meters / 1000).toFixed(1)} km`;
}
