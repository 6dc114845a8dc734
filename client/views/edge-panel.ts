// The edge panel: the sentences behind a link; for a stance, the holder, the cue and the target highlighted.
import type { EntityType } from "../../common/types.js";
import type { EdgeDetail } from "../api.js";
import { el, wrapped } from "../dom.js";
import type { Actions } from "./actions.js";
import { byDocument, documentHeading, entityLink, entitySpans, markSpan } from "./common.js";

export function edgePanel(e: EdgeDetail, actions: Actions, types: { source: EntityType; target: EntityType }): HTMLElement[] {
  const relation = e.kind === "stance" ? (e.stance === "support" ? "supports" : "opposes") : "named with";
  const source = entityLink(e.source, types.source, e.sourceLabel, actions);
  const target = entityLink(e.target, types.target, e.targetLabel, actions);
  const groups = [...byDocument(e.evidence)].map(([docId, evidence]) =>
    el("section", { class: "doc-group", "data-doc": docId }, [
      documentHeading(docId, evidence[0]!.docTitle, undefined, actions),
      el(
        "ol",
        { class: "sentences" },
        evidence.map((ev) => {
          const marks = ev.highlights.map((h) => markSpan(h.start, h.end, h.role));
          const covered = (s: { start: number; end: number }) => ev.highlights.some((h) => s.start < h.end && h.start < s.end);
          const links = entitySpans(
            (ev.entities ?? []).filter((s) => !covered(s)),
            actions,
          );
          // A stance the model read without a cue word says so.
          const said = ev.cue ? `cue “${ev.cue}”` : e.kind === "stance" ? "no cue word (model)" : "";
          const conf = ev.confidence !== undefined ? `confidence ${ev.confidence}` : "";
          const note = said || conf ? [el("span", { class: "cue-note" }, [[said, conf].filter(Boolean).join(" · ")])] : [];
          return el("li", {}, [...wrapped(ev.text, [...marks, ...links]), ...note]);
        }),
      ),
    ]),
  );
  return [
    el("h2", { "data-edge": e.id }, [source, ` ${relation} `, target]),
    el("p", { class: "meta" }, [
      `${e.kind}${e.stance ? ` (${e.stance})` : ""} · ${e.weight} sentence${e.weight === 1 ? "" : "s"}`,
      ...(e.kind === "stance" ? [` · confidence ${edgeConfidence(e)}`] : []),
    ]),
    ...(e.kind === "stance"
      ? [
          el("p", { class: "legend-marks" }, [
            el("mark", { class: "source" }, ["holder"]),
            " ",
            el("mark", { class: "cue" }, ["cue"]),
            " ",
            el("mark", { class: "target" }, ["target"]),
          ]),
        ]
      : []),
    ...groups,
  ];
}

/** The edge's confidence as the graph gives it: 1 - Π(1 - cᵢ) over its sentences. */
function edgeConfidence(e: EdgeDetail): number {
  return Math.round((1 - e.evidence.reduce((p, ev) => p * (1 - (ev.confidence ?? 0)), 1)) * 1000) / 1000;
}
