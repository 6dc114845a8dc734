// The unit of corpus resolution: one in-document cluster of one document ("person:blair" in article 12). Rules
// across the corpus rewrite a unit's key (its type and name) and join keys; a lone surname is decided per unit,
// because the same "Howard" can be one person in one article and another in the next.
import type { DocExtraction, EntityType, Mention } from "../../types.js";
import { keyName } from "../05-coreference/index.js";

export interface Unit {
  docId: string;
  /** The in-document cluster key as stored. */
  cluster: string;
  /** `type:name` after the corpus rules ("person:sceptic kilroy" -> "person:kilroy"). */
  key: string;
  mentions: Mention[];
  /** The name each mention shows, once words the corpus rules peel off are gone. */
  names: string[];
  /** Where each mention is in its document's mentions. */
  indexes: number[];
}

export const typeOf = (key: string) => key.slice(0, key.indexOf(":")) as EntityType;
export const nameOf = (key: string) => key.slice(key.indexOf(":") + 1);

/** Groups every mention of the corpus by document and in-document cluster; a document's units are consecutive. */
export function makeUnits(docs: readonly DocExtraction[]): Unit[] {
  const units: Unit[] = [];
  for (const d of docs) {
    const byCluster = new Map<string, Unit>();
    for (const [index, m] of d.mentions.entries()) {
      let unit = byCluster.get(m.cluster);
      if (!unit) {
        unit = { docId: d.doc.id, cluster: m.cluster, key: m.cluster, mentions: [], names: [], indexes: [] };
        byCluster.set(m.cluster, unit);
        units.push(unit);
      }
      unit.mentions.push(m);
      unit.names.push(m.name);
      unit.indexes.push(index);
    }
  }
  return units;
}

/** The unit's name as written: the mention name its key was made from, else its longest. */
export function unitName(unit: Unit): string {
  const name = nameOf(unit.key);
  return unit.names.find((n) => keyName(n) === name) ?? unit.names.reduce((a, b) => (b.length > a.length ? b : a));
}

/** Joins keys into groups; the representative of a group is its smallest key, so the result is order-free. */
export class KeyGroups {
  private readonly parent = new Map<string, string>();

  find(key: string): string {
    let root = key;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(key, root);
    return root;
  }

  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}
