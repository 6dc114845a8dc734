// The entity panel: who or what it is, when it is mentioned, with whom, its stances, and every sentence naming it.
import type { MentionView, RelatedEntity } from "../../common/api/views.js";
import { type EntityDetail, fetchEntity } from "../api.js";
import { el, svg, wrapped } from "../dom.js";
import type { Actions } from "./actions.js";
import { byDocument, documentHeading, entityLink, entitySpans, markSpan } from "./common.js";
import { correctionTools } from "./entity-corrections.js";

const DAY = 86_400_000;

/** Mentions per document date as bars on a time axis (from the server's count of all of them); undated ones beside it. */
export function sparkline(e: Pick<EntityDetail, "timeline" | "undated">): HTMLElement {
  const perDate = new Map(Object.entries(e.timeline));
  const undated = e.undated;
  const dates = [...perDate.keys()].sort();
  const box = el("div", { class: "timeline" });
  if (dates.length === 0) {
    box.append(el("p", { class: "hint" }, ["No dated documents mention it."]));
    return box;
  }
  const [w, h] = [300, 40];
  const t0 = Date.parse(dates[0]!);
  const span = Math.max(DAY, Date.parse(dates.at(-1)!) - t0);
  const max = Math.max(...perDate.values());
  const bars = dates.map((d) => {
    const n = perDate.get(d)!;
    const x = dates.length === 1 ? w / 2 - 3 : 3 + ((Date.parse(d) - t0) / span) * (w - 12);
    const barHeight = Math.max(3, (n / max) * (h - 4));
    return svg("rect", { x: x.toFixed(1), y: (h - barHeight).toFixed(1), width: 6, height: barHeight.toFixed(1), "data-date": d }, [
      svg("title", {}, [document.createTextNode(`${d}: ${n} mention${n === 1 ? "" : "s"}`)]),
    ]);
  });
  box.append(
    svg(
      "svg",
      { class: "sparkline", viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: "img", "aria-label": "Mentions by document date" },
      [svg("line", { x1: 0, y1: h - 0.5, x2: w, y2: h - 0.5, class: "axis" }), ...bars],
    ),
    el("p", { class: "axis-labels" }, [el("span", {}, [dates[0]!]), el("span", {}, [dates.length > 1 ? dates.at(-1)! : ""])]),
  );
  if (undated) box.append(el("p", { class: "hint" }, [`${undated} more in undated documents`]));
  return box;
}

function relatedList(items: RelatedEntity[], actions: Actions, cls: string): HTMLElement {
  return el(
    "ul",
    { class: `related ${cls}` },
    items.map((r) =>
      el("li", {}, [
        entityLink(r.id, r.type, r.label, actions),
        el("span", { class: "count" }, [
          ` ${r.weight} sentence${r.weight === 1 ? "" : "s"}${r.confidence !== undefined ? ` · confidence ${r.confidence}` : ""}`,
        ]),
      ]),
    ),
  );
}

function stanceSection(e: EntityDetail, actions: Actions): HTMLElement[] {
  const s = e.stances ?? { supports: [], opposes: [], supportedBy: [], opposedBy: [] };
  const groups: [string, string, RelatedEntity[]][] = [
    ["Supports", "supports", s.supports],
    ["Opposes", "opposes", s.opposes],
    ["Supported by", "supported-by", s.supportedBy],
    ["Opposed by", "opposed-by", s.opposedBy],
  ];
  const present = groups.filter(([, , list]) => list.length > 0);
  if (present.length === 0) return [el("p", { class: "hint" }, ["No stances found."])];
  return present.flatMap(([title, cls, list]) => [el("h4", {}, [title]), relatedList(list, actions, cls)]);
}

function sentencesByDocument(e: EntityDetail, actions: Actions): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const [docId, mentions] of byDocument(e.sentences)) {
    const bySentence = new Map<string, MentionView[]>();
    for (const m of mentions) bySentence.set(m.sentenceId, [...(bySentence.get(m.sentenceId) ?? []), m]);
    out.push(
      el("section", { class: "doc-group", "data-doc": docId }, [
        documentHeading(docId, mentions[0]!.docTitle, mentions[0]!.docDate, actions),
        el(
          "ol",
          { class: "sentences" },
          [...bySentence.values()].map((ms) =>
            el(
              "li",
              {},
              wrapped(ms[0]!.text, [...ms.map((m) => markSpan(m.start, m.end, "mention")), ...entitySpans(ms[0]!.others, actions, e.id)]),
            ),
          ),
        ),
      ]),
    );
  }
  return out;
}

/** The sentences, and when the answer holds only the first of them, a button that fetches and shows them all. */
function sentencesSection(e: EntityDetail, actions: Actions): HTMLElement {
  const box = el("div", { class: "entity-sentences" }, sentencesByDocument(e, actions));
  if (e.sentencesTotal > e.sentences.length) {
    const more = el("button", { type: "button", class: "button", "data-action": "all-sentences" }, [
      `Show all ${e.sentencesTotal} sentences (${e.sentences.length} shown)`,
    ]);
    more.addEventListener("click", () => {
      more.disabled = true;
      fetchEntity(e.id, e.sentencesTotal).then(
        (all) => box.replaceChildren(...sentencesByDocument(all, actions)),
        (err: Error) => {
          more.disabled = false;
          more.textContent = `Could not load the sentences: ${err.message}`;
        },
      );
    });
    box.append(el("p", {}, [more]));
  }
  return box;
}

export function entityPanel(e: EntityDetail, actions: Actions, focused: boolean): HTMLElement[] {
  const facts: HTMLElement[] = [el("dt", {}, ["Aliases"]), el("dd", {}, [e.aliases.join(", ")])];
  if (e.roles.length) facts.push(el("dt", {}, ["Roles"]), el("dd", {}, [e.roles.join(", ")]));
  if (e.affiliations.length) facts.push(el("dt", {}, ["Affiliations"]), el("dd", {}, [e.affiliations.join(", ")]));
  if (e.community !== undefined) facts.push(el("dt", {}, ["Community"]), el("dd", {}, [String(e.community)]));
  if (e.pagerank !== undefined) facts.push(el("dt", {}, ["PageRank"]), el("dd", {}, [e.pagerank.toFixed(4)]));
  const hop = (n: 1 | 2) => {
    const b = el("button", { type: "button", class: "button", "data-hops": String(n) }, [`${n}-hop neighbourhood`]);
    b.addEventListener("click", () => actions.focus(e.id, n));
    return b;
  };
  const back = el("button", { type: "button", class: "button", "data-action": "whole-graph" }, ["Whole graph"]);
  back.addEventListener("click", () => actions.wholeGraph());
  return [
    el("h2", { "data-entity": e.id }, [e.label]),
    el("p", { class: "meta" }, [`${e.type} · ${e.mentions} mentions in ${e.documents} documents`]),
    el("p", { class: "actions" }, [hop(1), hop(2), ...(focused ? [back] : [])]),
    el("dl", {}, facts),
    correctionTools(e, actions),
    el("h3", {}, ["Mention timeline"]),
    sparkline(e),
    el("h3", {}, ["Top co-mentioned"]),
    (e.coMentioned ?? []).length ? relatedList(e.coMentioned!, actions, "co-mentioned") : el("p", { class: "hint" }, ["Named alone."]),
    el("h3", {}, ["Stances"]),
    el("div", { class: "stances" }, stanceSection(e, actions)),
    el("h3", {}, ["Sentences"]),
    sentencesSection(e, actions),
  ];
}
