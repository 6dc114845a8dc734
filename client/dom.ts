// DOM helpers that only ever set text through textContent: article text is data, never markup.

type Child = Node | string;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
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
