// Search with autocomplete over names and aliases of the entities drawn; arrows move, Enter chooses, Escape closes.
import { TYPE_COLORS } from "../../server/graph/appearance.js";
import { el } from "../dom.js";
import type { EntityGraphClient } from "../graph-view.js";

interface Hit {
  id: string;
  label: string;
  type: keyof typeof TYPE_COLORS;
  via?: string;
  rank: number;
}

/** Best hits first: a name that starts with the query, then one containing it; the more mentions, the higher. */
export function searchEntities(graph: EntityGraphClient, query: string, max = 8): Hit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: Hit[] = [];
  graph.forEachNode((id, a) => {
    const names = [a.label, ...(a.aliases ?? [])];
    let best: { rank: number; via?: string } | undefined;
    for (const name of names) {
      const i = name.toLowerCase().indexOf(q);
      if (i < 0) continue;
      const rank = (i === 0 ? 0 : 1) + (name === a.label ? 0 : 0.5);
      if (!best || rank < best.rank) best = name === a.label ? { rank } : { rank, via: name };
    }
    if (best) hits.push({ id, label: a.label, type: a.type, rank: best.rank - a.mentions / 1e6, ...(best.via ? { via: best.via } : {}) });
  });
  return hits.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label)).slice(0, max);
}

export function mountSearch(input: HTMLInputElement, list: HTMLElement, graph: () => EntityGraphClient, choose: (id: string) => void): void {
  let hits: Hit[] = [];
  let active = -1;
  const close = () => {
    hits = [];
    active = -1;
    list.replaceChildren();
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.label;
    close();
    choose(hit.id);
  };
  const draw = () => {
    list.replaceChildren(
      ...hits.map((h, i) => {
        const li = el("li", { id: `search-hit-${i}`, role: "option", "data-id": h.id, "aria-selected": String(i === active) }, [
          el("span", { class: "swatch", style: `background:${TYPE_COLORS[h.type]}` }),
          h.label,
          ...(h.via ? [el("span", { class: "via" }, [` (${h.via})`])] : []),
        ]);
        li.addEventListener("mousedown", (ev) => {
          ev.preventDefault(); // keep focus in the input until the choice is made
          pick(i);
        });
        return li;
      }),
    );
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `search-hit-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  input.addEventListener("input", () => {
    hits = searchEntities(graph(), input.value);
    active = hits.length ? 0 : -1;
    draw();
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!hits.length) return;
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      draw();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      pick(active);
    } else if (ev.key === "Escape") close();
  });
  input.addEventListener("blur", close);
}
