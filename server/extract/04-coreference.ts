import type { Mention, Sentence } from "../types.js";
import type { MentionCandidate } from "./03-mentions.js";

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.\-]*/gu;

export function nameTokens(name: string): string[] {
  return name.match(TOKEN) ?? [];
}

/** The cluster key of a name on its own: "organization:the economist" -> "organization:economist". */
export function ownKey(m: Pick<Mention, "type" | "name">): string {
  return `${m.type}:${m.name.toLowerCase().replace(/^the\s+/, "")}`;
}

/**
 * compromise finds "Emmanuel Macron" but often misses a later "Macron floated the idea".
 * Once a full name is known in a document, its surname alone is a mention of that person wherever it stands
 * capitalised and not already inside another mention.
 */
export function findSurnameMentions(sentences: Sentence[], found: MentionCandidate[]): MentionCandidate[] {
  const surnames = new Set<string>();
  for (const m of found) {
    const tokens = nameTokens(m.name);
    if (m.type === "person" && tokens.length >= 2) surnames.add(tokens.at(-1)!);
  }
  const added: MentionCandidate[] = [];
  for (const sentence of sentences) {
    const taken = found.filter((m) => m.sentenceId === sentence.id);
    for (const surname of surnames) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${surname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "gu");
      for (const hit of sentence.text.matchAll(re)) {
        const start = hit.index;
        const end = start + surname.length;
        if (taken.some((t) => start < t.end && t.start < end)) continue;
        const m: MentionCandidate = {
          sentenceId: sentence.id,
          docId: sentence.docId,
          start,
          end,
          surface: surname,
          name: surname,
          type: "person",
        };
        added.push(m);
        taken.push(m);
      }
    }
  }
  return added;
}

/**
 * Gives each mention of one document its cluster: a surname or first name alone joins the one full name
 * of the document it belongs to ("Putin" -> "Vladimir Putin"); if two full names share it ("Donald" in a
 * document with Donald Trump and Donald Tusk) it stays on its own.
 */
export function clusterMentions(candidates: MentionCandidate[]): Mention[] {
  const fullNames = candidates.filter((m) => m.type === "person" && nameTokens(m.name).length >= 2);
  return candidates.map((m) => {
    let cluster = ownKey(m);
    const tokens = nameTokens(m.name);
    if (m.type === "person" && tokens.length === 1) {
      const owners = new Set(
        fullNames.filter((f) => {
          const ft = nameTokens(f.name);
          return ft.at(-1) === tokens[0] || ft[0] === tokens[0];
        }).map(ownKey),
      );
      if (owners.size === 1) cluster = [...owners][0]!;
    }
    return { ...m, cluster };
  });
}
