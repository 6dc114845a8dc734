// Search with autocomplete over names and aliases, the entities drawn first, then the whole corpus from the
// server; arrows move, Enter chooses, Escape closes.
import { TYPE_COLORS } from "../../common/appearance.js";
import { type SearchHit, type Searchable, searchNames } from "../../common/search.js";
import { el, swatch } from "../dom.js";
import type { EntityGraphClient } from "../graph-view.js";

type Hit = SearchHit;

/** Hits among the entities drawn (instant); the server adds the rest of the corpus (`/api/search`). */
export function searchEntities(graph: EntityGraphClient, query: string, max = 8): Hit[] {
  const items: Searchable[] = [];
  graph.forEachNode((id, a) => items.push({ id, label: a.label, type: a.type, aliases: a.aliases, mentions: a.mentions }));
  return searchNames(items, query, max);
}

/** Local hits first where they rank the same; one hit per entity. */
export function mergeHits(local: Hit[], remote: Hit[], max = 8): Hit[] {
  const seen = new Set<string>();
  return [...local, ...remote]
    .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label))
    .filter((h) => !seen.has(h.id) && seen.add(h.id))
    .slice(0, max);
}

export function mountSearch(
  input: HTMLInputElement,
  list: HTMLElement,
  graph: () => EntityGraphClient,
  choose: (id: string) => void,
): void {
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
          swatch(TYPE_COLORS[h.type]),
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
  let asked = 0;
  input.addEventListener("input", () => {
    const query = input.value;
    const local = searchEntities(graph(), query);
    hits = local;
    active = hits.length ? 0 : -1;
    draw();
    if (!query.trim()) return;
    // Entities outside the drawn view (a big corpus shows its top 500): the server searches them all.
    const ticket = ++asked;
    fetch(`/api/search?q=${encodeURIComponent(query)}`)
      .then((r) => (r.ok ? (r.json() as Promise<Hit[]>) : []))
      .then((remote) => {
        if (ticket !== asked) return; // a newer query was typed meanwhile
        hits = mergeHits(local, remote);
        active = hits.length ? Math.max(0, active) : -1;
        draw();
      })
      .catch(() => undefined);
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
