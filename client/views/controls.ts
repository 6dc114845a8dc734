// The toolbar: legend that filters types, edge-kind toggles, sliders, size and colour, date range, layout, export.
// Inputs only dispatch producers; update() writes the state back into them (after a reload from the URL, say).
import { EDGE_FILTER_KINDS, type EdgeFilterKind } from "../../common/types.js";
import { CO_MENTION_COLOR, STANCE_COLORS, TYPE_COLORS } from "../../common/appearance.js";
import { ENTITY_TYPES } from "../../common/types.js";
import { el, swatch } from "../dom.js";
import {
  COLOR_BY,
  type ColorBy,
  type Producer,
  SIZE_BY,
  type SizeBy,
  type ViewState,
  setColorBy,
  setDateRange,
  setMinConfidence,
  setMinMentions,
  setMinWeight,
  setSizeBy,
  setStancesOnly,
  isStancesOnly,
  toggleKind,
  toggleType,
} from "../state.js";

const CONFIDENCE_STEPS = ["0", "0.5", "0.7", "0.8", "0.9", "0.95"] as const;

const KIND_COLORS: Record<EdgeFilterKind, string> = { "co-mention": CO_MENTION_COLOR, ...STANCE_COLORS };

export interface Bounds {
  maxMentions: number;
  maxWeight: number;
  firstDate?: string;
  lastDate?: string;
  /** Documents in the corpus, and how many of them have a date: the date fields filter only those. */
  documents?: number;
  dated?: number;
}

/** What the date fields can do with this corpus: the notice beside them, and why they are off when they are. */
export function dateNotice(b: Bounds): { text: string; disabled: boolean; reason?: string } {
  const documents = b.documents ?? 0;
  const dated = b.dated ?? 0;
  const text = `${(documents - dated).toLocaleString("en")} of ${documents.toLocaleString("en")} documents undated`;
  if (dated >= 2) return { text, disabled: false };
  const reason = `${dated === 0 ? "no document has" : "only one document has"} a date: a range cannot filter anything`;
  return { text, disabled: true, reason };
}

function checkbox(attrs: Record<string, string>, colour: string, label: string, onChange: () => void): HTMLLabelElement {
  const input = el("input", { type: "checkbox", ...attrs });
  input.addEventListener("change", onChange);
  return el("label", { class: "toggle" }, [input, swatch(colour), label]);
}

/**
 * A range input that dispatches once the thumb rests. While a dispatch is pending, set() leaves the input alone:
 * a graph load that finishes in those 150 ms must not put the old value back under the user's hand.
 */
function slider(id: string, label: string, onInput: (n: number) => void) {
  const input = el("input", { type: "range", id, min: "1", max: "10", step: "1", value: "1" });
  const out = el("output", { for: id });
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    const value = Number(input.value);
    out.value = input.value;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onInput(value);
    }, 150); // one request when the thumb rests, not one per pixel
  });
  const set = (value: number, max: number) => {
    if (timer !== undefined) return;
    input.max = String(Math.max(2, max, value));
    input.value = String(value);
    out.value = String(value);
  };
  return { root: el("label", { class: "slider" }, [label, input, out]), set };
}

function select<T extends string>(id: string, label: string, options: readonly T[], onChange: (v: T) => void): HTMLLabelElement {
  const s = el(
    "select",
    { id },
    options.map((o) => el("option", { value: o }, [o])),
  );
  s.addEventListener("change", () => onChange(s.value as T));
  return el("label", {}, [label, s]);
}

export function mountControls(root: HTMLElement, dispatch: (p: Producer) => void): { update: (s: ViewState, b: Bounds) => void } {
  const legend = el(
    "fieldset",
    { id: "legend", "aria-label": "Entity types (legend and filter)" },
    ENTITY_TYPES.map((t) => checkbox({ "data-type": t }, TYPE_COLORS[t], t, () => dispatch(toggleType(t)))),
  );
  const kinds = el(
    "fieldset",
    { id: "edge-kinds", "aria-label": "Edge kinds" },
    EDGE_FILTER_KINDS.map((k) => checkbox({ "data-kind": k }, KIND_COLORS[k], k, () => dispatch(toggleKind(k)))),
  );
  const minMentions = slider("min-mentions", "min mentions", (n) => dispatch(setMinMentions(n)));
  const minWeight = slider("min-weight", "min weight", (n) => dispatch(setMinWeight(n)));
  // Stance edges below a confidence are hidden; kept in the URL as minConfidence.
  const minConfidence = select("min-confidence", "min confidence", CONFIDENCE_STEPS, (v) => dispatch(setMinConfidence(Number(v))));
  const from = el("input", { type: "date", id: "date-from", "aria-label": "From date" });
  const to = el("input", { type: "date", id: "date-to", "aria-label": "To date" });
  const onDates = () => dispatch(setDateRange(from.value || undefined, to.value || undefined));
  from.addEventListener("change", onDates);
  to.addEventListener("change", onDates);
  const clearDates = el("button", { type: "button", class: "link", id: "date-clear" }, ["all dates"]);
  const undated = el("span", { id: "undated", class: "note", role: "note" });
  clearDates.addEventListener("click", () => dispatch(setDateRange(undefined, undefined)));
  const sizeBy = select<SizeBy>("size-by", "size", SIZE_BY, (v) => dispatch(setSizeBy(v)));
  const colorBy = select<ColorBy>("color-by", "colour", COLOR_BY, (v) => dispatch(setColorBy(v)));
  const stancesOnly = el("input", { type: "checkbox", id: "stances-only" });
  stancesOnly.addEventListener("change", () => dispatch(setStancesOnly(stancesOnly.checked)));
  kinds.append(el("label", { class: "toggle stances-only" }, [stancesOnly, "stances only"]));
  root.append(
    legend,
    kinds,
    el("div", { class: "sliders" }, [minMentions.root, minWeight.root, minConfidence]),
    el("div", { class: "appearance" }, [sizeBy, colorBy]),
    el("div", { class: "dates", "aria-label": "Date range" }, ["dates", from, "–", to, clearDates, undated]),
  );

  return {
    update(s, b) {
      for (const input of legend.querySelectorAll<HTMLInputElement>("input[data-type]")) {
        input.checked = (s.types as readonly string[]).includes(input.dataset.type ?? "");
      }
      for (const input of kinds.querySelectorAll<HTMLInputElement>("input[data-kind]")) {
        input.checked = (s.kinds as readonly string[]).includes(input.dataset.kind ?? "");
      }
      for (const [ui, value, max] of [
        [minMentions, s.minMentions, b.maxMentions],
        [minWeight, s.minWeight, b.maxWeight],
      ] as const) {
        ui.set(value, max);
      }
      for (const [input, value] of [
        [from, s.from],
        [to, s.to],
      ] as const) {
        input.value = value ?? "";
        if (b.firstDate) input.min = b.firstDate;
        if (b.lastDate) input.max = b.lastDate;
      }
      clearDates.hidden = !s.from && !s.to;
      const notice = dateNotice(b);
      undated.textContent = b.documents === undefined ? "" : notice.reason ? `${notice.text}: ${notice.reason}` : notice.text;
      for (const input of [from, to]) {
        input.disabled = notice.disabled && !s.from && !s.to; // a range from the URL can still be cleared
        input.title = notice.reason ?? "";
      }
      stancesOnly.checked = isStancesOnly(s);
      // Type swatches are the legend only while nodes are coloured by type.
      for (const swatch of legend.querySelectorAll<HTMLElement>(".swatch")) swatch.style.visibility = s.colorBy === "type" ? "" : "hidden";
      root.querySelector<HTMLSelectElement>("#size-by")!.value = s.sizeBy;
      root.querySelector<HTMLSelectElement>("#color-by")!.value = s.colorBy;
      const step = CONFIDENCE_STEPS.find((c) => Number(c) === s.minConfidence);
      root.querySelector<HTMLSelectElement>("#min-confidence")!.value = step ?? "0";
    },
  };
}
