// DOM helpers that only ever set text through textContent: article text is data, never markup.

type Child = Node | string;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // `style` through the CSSOM: the page's Content-Security-Policy refuses inline style attributes, not that.
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "style") node.style.cssText = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

/**
 * A colour swatch. The colour is set through the CSSOM, not a `style` attribute, which the page's
 * Content-Security-Policy (no inline style) refuses.
 */
export function swatch(colour: string): HTMLSpanElement {
  const node = el("span", { class: "swatch" });
  node.style.background = colour;
  return node;
}

/** Splits a sentence into text and <mark> pieces: highlighted("Putin said", [{0,5,"source"}]). */
export function highlighted(text: string, spans: { start: number; end: number; role: string }[]): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(el("mark", { class: s.role }, [text.slice(s.start, s.end)]));
    at = s.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** A piece of a text to wrap: offsets into the text and how to draw the slice, e.g. as a link to an entity. */
export interface Span {
  start: number;
  end: number;
  wrap: (slice: string) => Node;
}

/** Splits a text into plain pieces and wrapped spans; a span overlapping the one before is dropped. */
export function wrapped(text: string, spans: Span[]): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (s.start < at || s.end > text.length) continue;
    if (s.start > at) out.push(text.slice(at, s.start));
    out.push(s.wrap(text.slice(s.start, s.end)));
    at = s.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** A button that looks like a link: everything clickable in the panels that is not a real navigation. */
export function linkButton(label: string, attrs: Record<string, string>, onClick: () => void, children?: Child[]): HTMLButtonElement {
  const b = el("button", { type: "button", class: "link", ...attrs }, children ?? [label]);
  b.addEventListener("click", onClick);
  return b;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  children: Node[] = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.append(...children);
  return node;
}
