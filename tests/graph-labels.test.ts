import { describe, expect, it } from "vitest";

import { type LabelCandidate, MAX_LABELS, clearLabels, labelBox } from "../client/graph-labels.js";

const at = (id: string, priority: number, x: number, y: number, width = 40): LabelCandidate => ({
  id,
  priority,
  box: labelBox(x, y, 5, width),
});

describe("clearLabels", () => {
  const rows: { name: string; candidates: LabelCandidate[]; shown: string[] }[] = [
    { name: "labels far apart are all kept", candidates: [at("a", 1, 0, 0), at("b", 2, 0, 100)], shown: ["a", "b"] },
    { name: "of two overlapping labels the higher priority stays", candidates: [at("a", 1, 0, 0), at("b", 2, 10, 2)], shown: ["b"] },
    {
      name: "a label clear of the kept one survives a dropped one",
      candidates: [at("a", 3, 0, 0), at("b", 2, 10, 2), at("c", 1, 0, 40)],
      shown: ["a", "c"],
    },
    { name: "boxes side by side on one line do not overlap", candidates: [at("a", 1, 0, 0, 40), at("b", 2, 60, 0, 40)], shown: ["a", "b"] },
  ];
  it.each(rows)("$name", ({ candidates, shown }) => {
    expect([...clearLabels(candidates)].sort()).toEqual(shown);
  });

  it("keeps at most MAX_LABELS, the highest priorities", () => {
    const many = Array.from({ length: MAX_LABELS + 5 }, (_, i) => at(`n${i}`, i, 0, i * 100));
    const kept = clearLabels(many);
    expect(kept.size).toBe(MAX_LABELS);
    expect(kept.has(`n${MAX_LABELS + 4}`)).toBe(true);
    expect(kept.has("n0")).toBe(false);
  });
});
