// Masking: a sentence rewritten with every entity (and every resolved pronoun, role or thing) as a placeholder, so
// that the readings are short patterns over "⟦4⟧ criticized ⟦5⟧'s comments", with a map back to the sentence.
import type { Mention, Sentence } from "../types.js";
import { readPrefix } from "./read-prefix.js";
import { verbForms } from "./cue-forms.js";

export interface Masked {
  text: string;
  /** Original sentence offset for every masked offset (length text.length + 1). */
  orig: number[];
  /** Placeholder id -> mention index in the document, and the span written in this sentence. */
  slots: Map<string, { mention: number; span: [number, number]; resolved: boolean; objectOf?: number; thing?: boolean }>;
}

/** A pronoun, role or thing resolved from what came before, and where it is written in the sentence. */
export interface Reference {
  span: [number, number];
  mention: number;
  /** For "him"/"her": the subject it was resolved against. Only a stance held by that subject may target it. */
  objectOf?: number;
  /** "the offer": the maker of a thing named earlier (slot id ⟦tN⟧). */
  thing?: boolean;
}

/** Where the title in front of a name starts: "Chancellor Gordon Brown", but not "Praising Chancellor Gordon Brown". */
export function titleStart(text: string, nameStart: number): number {
  const start = readPrefix(text, nameStart).start;
  // "defending champion Venus Williams" is a title, not a cue before a name: the title stays outside the slot.
  if (/^champions?\s/i.test(text.slice(start)) && /\bdefending\s+$/i.test(text.slice(0, start))) return nameStart;
  const first = /^(\S+)\s+/.exec(text.slice(start, nameStart));
  return first && verbForms.has(first[1]!.toLowerCase()) ? start + first[0].length : start;
}

export function mask(sentence: Sentence, mentions: { index: number; m: Mention }[], pronouns: Reference[]): Masked {
  const pieces = [
    // A slot covers the title in front of a name, so "accused Mr ⟦3⟧" reads "accused ⟦3⟧".
    ...mentions.map(({ index, m }) => ({
      start: titleStart(sentence.text, m.start),
      nameStart: m.start,
      end: m.end,
      id: String(index),
      mention: index,
      resolved: false,
      objectOf: undefined as number | undefined,
    })),
    ...pronouns.map((p, i) => ({
      start: p.span[0],
      nameStart: p.span[0],
      end: p.span[1],
      id: `${p.thing ? "t" : "p"}${i}`,
      mention: p.mention,
      resolved: true,
      objectOf: p.objectOf,
    })),
    // "US President ⟦Donald Trump⟧": the title slot swallows the country that qualifies it.
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  let text = "";
  const orig: number[] = [];
  const slots: Masked["slots"] = new Map();
  let at = 0;
  for (const piece of pieces) {
    // A title prefix that runs into the mention before it gives way: "⟦Scottish National Party Holyrood⟧ leader Nicola Sturgeon".
    const p = piece.start < at && at <= piece.nameStart ? { ...piece, start: at } : piece;
    if (p.start < at) continue;
    for (let i = at; i < p.start; i++) {
      orig.push(i);
      text += sentence.text[i];
    }
    const token = `⟦${p.id}⟧`;
    for (let i = 0; i < token.length; i++) orig.push(p.start);
    text += token;
    slots.set(p.id, {
      mention: p.mention,
      span: [p.start, p.end],
      resolved: p.resolved,
      ...(p.objectOf !== undefined ? { objectOf: p.objectOf } : {}),
      ...(p.id.startsWith("t") ? { thing: true } : {}),
    });
    at = p.end;
  }
  for (let i = at; i < sentence.text.length; i++) {
    orig.push(i);
    text += sentence.text[i];
  }
  orig.push(sentence.text.length);
  return { text, orig, slots };
}

/** Spans inside double quotes: '"I attack Michael Howard politically"'. An unclosed quote runs to the end. */
export function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open < 0 && (c === '"' || c === "“")) open = i;
    else if (open >= 0 && (c === '"' || c === "”")) {
      spans.push([open, i + 1]);
      open = -1;
    }
  }
  if (open >= 0) spans.push([open, text.length]);
  return spans;
}

/** The masked text after a slot: "⟦3⟧'s comments were" -> "'s comments were". */
export function textAfterSlot(masked: Masked, slotId: string): string {
  const token = `⟦${slotId}⟧`;
  return masked.text.slice(masked.text.indexOf(token) + token.length);
}
