// Pieces shared by the panels: entity links, sentences with highlights, grouping by document.
import type { EntitySpan } from "../../common/api/views.js";
import { TYPE_COLORS } from "../../common/appearance.js";
import { groupBy } from "../../common/group.js";
import type { EntityType } from "../../common/types.js";
import { type Span, el, linkButton } from "../dom.js";
import type { Actions } from "./actions.js";

/** A clickable entity name that selects its node; underlined in its type colour. */
export function entityLink(id: string, type: EntityType, label: string, actions: Actions): HTMLButtonElement {
  const b = linkButton(label, { class: "link entity-link", "data-link": id, title: id }, () => actions.selectEntity(id));
  b.style.setProperty("--type-color", TYPE_COLORS[type]);
  return b;
}

/** Spans that turn every entity named in a sentence into a link (except `except`, highlighted instead). */
export function entitySpans(spans: EntitySpan[], actions: Actions, except?: string): Span[] {
  return spans
    .filter((s) => s.entityId !== except)
    .map((s) => ({ start: s.start, end: s.end, wrap: (slice: string) => entityLink(s.entityId, s.type, slice, actions) }));
}

export function markSpan(start: number, end: number, role: string): Span {
  return { start, end, wrap: (slice) => el("mark", { class: role }, [slice]) };
}

export function documentHeading(docId: string, title: string, date: string | undefined, actions: Actions): HTMLElement {
  return el("h4", { class: "doc-heading" }, [
    linkButton(title, { "data-doc-link": docId }, () => actions.openDocument(docId)),
    ...(date ? [el("span", { class: "date" }, [date])] : []),
  ]);
}

/** Items grouped by document, in first-seen order. */
export const byDocument = <T extends { docId: string }>(items: T[]): Map<string, T[]> => groupBy(items, (item) => item.docId);
