// Which node labels sigma draws: never two that overlap, the most important first. GraphView measures each label
// and gives its box (`labelBox`); `clearLabels` keeps those whose boxes are clear of the ones already kept.

export const LABEL_SIZE = 13;
export const LABEL_FONT = "Arial";
/** Nodes drawn smaller than this (radius, px) get no label unless selected or hovered. */
export const MIN_LABELLED_RADIUS = 3;
export const MAX_LABELS = 200;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where sigma draws a node's label: right of the disc, vertically centred on it (drawDiscNodeLabel). */
export function labelBox(x: number, y: number, radius: number, width: number): Box {
  return { x1: x + radius + 1, y1: y - LABEL_SIZE * 0.5, x2: x + radius + 3 + width + 1, y2: y + LABEL_SIZE * 0.6 };
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A label that may be drawn: its node, how much it matters (higher first) and where it would be. */
export interface LabelCandidate {
  id: string;
  priority: number;
  box: Box;
}

/** The labels to draw: by priority, each kept only if clear of those kept before, at most MAX_LABELS. */
export function clearLabels(candidates: LabelCandidate[]): Set<string> {
  candidates.sort((a, b) => b.priority - a.priority);
  const kept: Box[] = [];
  const labels = new Set<string>();
  for (const c of candidates) {
    if (labels.size >= MAX_LABELS) break;
    if (kept.some((k) => overlaps(k, c.box))) continue;
    kept.push(c.box);
    labels.add(c.id);
  }
  return labels;
}
