// Highlighting spans in a document's text. Spans carry UTF-8 byte offsets (end exclusive), so the text is
// handled as bytes and only decoded for display. Marks become <mark> elements holding text nodes.
import type { Event, Span } from "./types";

/** A span to highlight, with a CSS class and a label shown on hover. */
export interface MarkSpan { start: number; end: number; cls: string; label: string }

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A document's text as UTF-8 bytes. */
export class Utf8Text {
  readonly bytes: Uint8Array;
  constructor(text: string) {
    this.bytes = enc.encode(text);
  }
  get length(): number {
    return this.bytes.length;
  }
  /** The text of bytes [start, end), clamped and snapped to character boundaries. */
  slice(start: number, end: number): string {
    return dec.decode(this.bytes.subarray(this.snap(start), this.snap(end)));
  }
  /** Moves a byte offset back to the start of its character, within bounds. */
  snap(i: number): number {
    let j = Math.max(0, Math.min(i, this.bytes.length));
    while (j > 0 && j < this.bytes.length && (this.bytes[j] & 0xc0) === 0x80) j--;
    return j;
  }
  /** The paragraph around [start, end): bounded by blank lines, or by max bytes either side. */
  context(start: number, end: number, max = 300): [number, number] {
    let a = Math.max(0, start - max);
    let b = Math.min(this.bytes.length, end + max);
    for (let i = start - 1; i >= a; i--) {
      if (this.bytes[i] === 10) { a = i + 1; break; }
    }
    for (let i = end; i < b; i++) {
      if (this.bytes[i] === 10) { b = i; break; }
    }
    return [this.snap(a), this.snap(b)];
  }
}

/** Renders bytes [from, to) of text with marks; where marks overlap, the shortest one wins the segment. */
export function renderMarked(text: Utf8Text, from: number, to: number, marks: MarkSpan[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const inside = marks.filter((m) => m.end > from && m.start < to && m.end > m.start);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    cuts.add(text.snap(Math.max(from, m.start)));
    cuts.add(text.snap(Math.min(to, m.end)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a >= b) continue;
    const piece = text.slice(a, b);
    const covering = inside.filter((m) => m.start <= a && m.end >= b);
    if (covering.length === 0) {
      frag.appendChild(document.createTextNode(piece));
      continue;
    }
    covering.sort((x, y) => (x.end - x.start) - (y.end - y.start));
    const mk = document.createElement("mark");
    mk.className = covering[0].cls;
    mk.title = covering.map((m) => m.label).join(" · ");
    mk.textContent = piece;
    frag.appendChild(mk);
  }
  return frag;
}

function add(out: MarkSpan[], s: Span | undefined | null, cls: string, label: string): void {
  if (s && s.end > s.start) out.push({ start: s.start, end: s.end, cls, label });
}

/** The marks of one event: its evidence sentences and, inside them, each value's span. */
export function eventMarks(ev: Event): MarkSpan[] {
  const out: MarkSpan[] = [];
  for (const s of ev.evidence ?? []) add(out, s, "m-evidence", "evidence");
  for (const a of ev.actors ?? []) add(out, a.span, "m-actor", `actor (${a.role}, ${a.attribution}): ${a.name}`);
  add(out, ev.location?.span, "m-place", `place: ${ev.location?.name ?? ""}`);
  add(out, ev.date?.span, "m-date", `date: ${ev.date?.start ?? ""}`);
  add(out, ev.fatalities?.span, "m-count", "fatalities");
  add(out, ev.injuries?.span, "m-count", "injuries");
  for (const w of ev.weapons ?? []) add(out, w.span, "m-weapon", `weapon: ${w.name}`);
  for (const t of ev.targets ?? []) add(out, t.span, "m-target", `target: ${t.name}`);
  for (const c of ev.claims ?? []) add(out, c.span, "m-claim", `claim (${c.stance}) by ${c.claimant.name}`);
  for (const c of ev.claims ?? []) add(out, c.claimant.span, "m-claimant", `claimant (${c.stance}): ${c.claimant.name}`);
  return out;
}

/** Merges overlapping or touching [start, end) ranges. */
export function mergeRanges(rs: [number, number][]): [number, number][] {
  const sorted = [...rs].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** One block per evidence paragraph of ev, with all of ev's marks; the span's own text when there is no document. */
export function evidenceBlocks(ev: Event, docText: string | undefined): HTMLElement[] {
  const marks = eventMarks(ev);
  const evidence = ev.evidence ?? [];
  if (!docText) {
    return evidence.map((s) => {
      const q = document.createElement("blockquote");
      const mk = document.createElement("mark");
      mk.className = "m-evidence";
      mk.textContent = s.text;
      q.appendChild(mk);
      return q;
    });
  }
  const t = new Utf8Text(docText);
  const ranges = mergeRanges(evidence.map((s) => t.context(s.start, s.end)));
  return ranges.map(([a, b]) => {
    const q = document.createElement("blockquote");
    if (a > 0) q.appendChild(document.createTextNode("… "));
    q.appendChild(renderMarked(t, a, b, marks));
    if (b < t.length) q.appendChild(document.createTextNode(" …"));
    return q;
  });
}

/** A key to the mark colours. */
export function legend(): HTMLElement {
  const box = document.createElement("div");
  box.className = "legend";
  const keys: [string, string][] = [["m-evidence", "evidence"], ["m-claim", "claim"], ["m-actor", "actor"],
    ["m-place", "place"], ["m-date", "date"], ["m-count", "figure"], ["m-weapon", "weapon/target"], ["m-claimant", "claimant"]];
  for (const [cls, label] of keys) {
    const m = document.createElement("mark");
    m.className = cls;
    m.textContent = label;
    box.appendChild(m);
    box.appendChild(document.createTextNode(" "));
  }
  return box;
}
