// Which mentions a reading's matched slots stand for: targets that name the wrong thing dropped ("the LSE bid"),
// holders after "by" that qualify someone else's title, and countries or organizations that only modify a noun.
import type { Mention } from "../../types.js";
import { type Masked, textAfterSlot } from "../mask.js";
import {
  APPOSED,
  DEAL_OBJECT,
  FUNCTION_WORD,
  OWNED_PERSON,
  OWNED_WORD,
  POSSESSED,
  SPEAKS_FOR,
  TITLED_PERSON,
  VERB_LEAD_IN,
} from "./patterns.js";

/**
 * The target mentions of a matched list, dropping readings that name the wrong thing: "the LSE bid" (the
 * bid is for the LSE), "Britain's financial watchdog" (a country owns institutions, not opinions, unless
 * it is "Britain's government", "Britain's policy").
 */
export function slotsIn(list: string, first: string, masked: Masked, mentions: Mention[]): number[] {
  const ids = [first, ...[...list.matchAll(/⟦([pt]?\d+)⟧/g)].map((m) => m[1]!)];
  return ids.flatMap((id) => {
    const slot = masked.slots.get(id);
    if (!slot) return [];
    const after = textAfterSlot(masked, id);
    if (DEAL_OBJECT.test(after)) return [];
    // "praised ⟦Blue Harbour⟧ director and co-star ⟦Tom Reed⟧": a name that qualifies a person's title.
    const titled = TITLED_PERSON.exec(after)?.[1];
    const person = titled !== undefined ? masked.slots.get(titled) : undefined;
    if (person && mentions[slot.mention]!.type !== "person" && mentions[person.mention]!.type === "person") return [person.mention];
    const owned = POSSESSED.exec(after)?.[2];
    // "criticised Britain's bank regulator, the FSA": the one named in apposition.
    const apposed = APPOSED.exec(after)?.[1];
    if (owned && !OWNED_WORD.test(owned) && apposed !== undefined) {
      const other = masked.slots.get(apposed);
      return other ? [other.mention] : [];
    }
    if (owned && mentions[slot.mention]!.type === "country" && !OWNED_WORD.test(owned)) return [];
    // "criticised Mr Blair's spokesman": a stance towards someone's people is not towards them.
    if (owned && OWNED_PERSON.test(owned)) return [];
    return [slot.mention];
  });
}

/**
 * The holder a name after "by" or "from" stands for: the person whose title it qualifies ("by ⟦Wasps⟧ director of
 * rugby ⟦Warren Gatland⟧"), itself, or nobody when it goes on to name something else (`holderGoesOn`).
 */
export function holderAfterBy(slotId: string, masked: Masked, mentions: Mention[]): string | undefined {
  return titledPerson(slotId, masked, mentions) ?? (holderGoesOn(slotId, masked) ? undefined : slotId);
}

/** The person whose title a name qualifies: "⟦Wasps⟧ director of rugby ⟦Warren Gatland⟧" -> the slot of Gatland. */
export function titledPerson(slotId: string, masked: Masked, mentions: Mention[]): string | undefined {
  const titled = TITLED_PERSON.exec(textAfterSlot(masked, slotId))?.[1];
  return titled !== undefined && mentions[masked.slots.get(titled)?.mention ?? -1]?.type === "person" ? titled : undefined;
}

/**
 * After "by" or "from", a name that goes on is not the holder: "by the ⟦US⟧ Anti-Doping Agency" names the
 * agency, "criticism from ⟦Charlton⟧ fans" the fans. "by ⟦US⟧ officials" and "by ⟦Vivendi⟧'s board" speak for it.
 */
export function holderGoesOn(slotId: string, masked: Masked): boolean {
  const after = textAfterSlot(masked, slotId);
  if (/^\s+\p{Lu}/u.test(after)) return true;
  const word = /^\s+(\p{Ll}[\w-]*)/u.exec(after)?.[1];
  return word !== undefined && !FUNCTION_WORD.test(word) && !SPEAKS_FOR.test(word);
}

/** A country or organization followed by a word that is not a verb lead-in is a modifier, not the holder: "A ⟦US⟧ woman is suing HP". */
export function isModifierUse(holderSlot: string, between: string, masked: Masked, mentions: Mention[]): boolean {
  const holder = masked.slots.get(holderSlot);
  if (!holder || mentions[holder.mention]!.type === "person") return false;
  const words = between.trim();
  return words !== "" && !VERB_LEAD_IN.test(words) && !SPEAKS_FOR.test(words);
}
