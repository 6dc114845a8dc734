// The key under the graph: what a disc's colour and size and an edge's colour mean in the current view. It
// follows the colour mode (types, or Louvain communities with their biggest members) and the size measure.
import { COMMUNITY_COLORS, CO_MENTION_COLOR, STANCE_COLORS, TYPE_COLORS } from "../../common/appearance.js";
import { ENTITY_TYPES } from "../../common/types.js";
import { el, swatch } from "../dom.js";
import type { EntityGraphClient } from "../graph-view.js";
import type { ViewState } from "../state.js";

/** Communities listed by name; the others share the last row. */
const LISTED_COMMUNITIES = 8;

const SIZE_MEANING: Record<ViewState["sizeBy"], string> = {
  mentions: "mentions (sentences naming it)",
  degree: "degree (entities linked to it)",
  pagerank: "PageRank (how central it is)",
};

/** A key row; the colour through the CSSOM (swatch()), since the page's CSP refuses inline style attributes. */
const row = (colour: string, label: string, attrs: Record<string, string> = {}, shape = "swatch") => {
  const mark = swatch(colour);
  mark.className = shape;
  return el("li", attrs, [mark, label]);
};

/** The biggest communities among the drawn nodes, each named after its most-mentioned member. */
export function communityRows(graph: EntityGraphClient): { community: number; colour: string; label: string; size: number }[] {
  const groups = new Map<number, { size: number; top: string; topMentions: number }>();
  graph.forEachNode((_id, a) => {
    const c = a.community ?? 0;
    const g = groups.get(c) ?? { size: 0, top: a.label, topMentions: -1 };
    g.size++;
    if (a.mentions > g.topMentions) [g.top, g.topMentions] = [a.label, a.mentions];
    groups.set(c, g);
  });
  return [...groups]
    .sort((a, b) => b[1].size - a[1].size || a[0] - b[0])
    .map(([community, g]) => ({
      community,
      colour: COMMUNITY_COLORS[community % COMMUNITY_COLORS.length]!,
      label: `${g.top}${g.size > 1 ? ` +${g.size - 1}` : ""}`,
      size: g.size,
    }));
}

export function mountLegend(root: HTMLElement): { update: (s: ViewState, graph: EntityGraphClient, sizeScale: number) => void } {
  return {
    update(s, graph, sizeScale) {
      root.dataset.colourMode = s.colorBy;
      const colours =
        s.colorBy === "type"
          ? ENTITY_TYPES.map((t) => row(TYPE_COLORS[t], t, { "data-type": t }))
          : (() => {
              const rows = communityRows(graph);
              const listed = rows
                .slice(0, LISTED_COMMUNITIES)
                .map((r) => row(r.colour, r.label, { "data-community": String(r.community) }));
              const rest = rows.length - listed.length;
              return rest > 0
                ? [...listed, el("li", { class: "more" }, [`${rest} more communities (colours repeat every ${COMMUNITY_COLORS.length})`])]
                : listed;
            })();
      const edges = [
        row(STANCE_COLORS.support, "supports →", { "data-stance": "support" }, "line"),
        row(STANCE_COLORS.oppose, "opposes →", { "data-stance": "oppose" }, "line"),
        row(CO_MENTION_COLOR, "named in one sentence", { "data-kind": "co-mention" }, "line"),
      ];
      const scaled = sizeScale < 0.995 ? `; drawn at ${Math.round(sizeScale * 100)}% so that discs do not overlap` : "";
      root.replaceChildren(
        el("h3", {}, [s.colorBy === "type" ? "Colour: entity type" : "Colour: community (Louvain)"]),
        el("ul", { class: "key colours" }, colours),
        el("h3", {}, ["Edges"]),
        el("ul", { class: "key edges" }, edges),
        el("p", { class: "size-meaning" }, [`Disc size: ${SIZE_MEANING[s.sizeBy]}${scaled}`]),
      );
    },
  };
}
