// The timeline: incidents per day (stacked by event type) and fatalities (a line), drawn as SVG; dragging across
// it selects a date range (the brush), a click without a drag clears it.
import { dayOf, isoOf } from "./dates";
import { colorOf, TYPE_ORDER } from "./taxonomy";
import { binDays, focus, type Bin } from "./bins";
import type { Day } from "./types";

const NS = "http://www.w3.org/2000/svg";
const H = 120;
const PAD = { l: 34, r: 34, t: 8, b: 20 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** The timeline chart with its brush. */
export class Timeline {
  private d0 = 0;
  private d1 = 0;
  private width = 600;
  private days: Day[] = [];
  private range: [string, string] | null = null;
  private readonly root: SVGSVGElement;

  constructor(private readonly host: HTMLElement, private readonly onBrush: (from: string, to: string) => void) {
    this.root = svg("svg", { class: "tl", height: H, role: "img" });
    host.appendChild(this.root);
    this.brushEvents();
    new ResizeObserver(() => this.draw()).observe(host);
  }

  /** Replaces the data and the highlighted range ("" for none). */
  set(days: Day[], from: string, to: string): void {
    this.days = days;
    this.range = from || to ? [from, to] : null;
    this.draw();
  }

  private x(day: number): number {
    const span = Math.max(1, this.d1 - this.d0 + 1);
    return PAD.l + ((day - this.d0) / span) * (this.width - PAD.l - PAD.r);
  }

  private dayAt(px: number): number {
    const span = Math.max(1, this.d1 - this.d0 + 1);
    const f = (px - PAD.l) / Math.max(1, this.width - PAD.l - PAD.r);
    return Math.min(this.d1, Math.max(this.d0, this.d0 + Math.floor(f * span)));
  }

  private draw(): void {
    this.width = Math.max(200, this.host.clientWidth || 600);
    this.root.setAttribute("width", String(this.width));
    this.root.setAttribute("viewBox", `0 0 ${this.width} ${H}`);
    this.root.replaceChildren();
    const ds = this.days.map((d) => dayOf(d.date)).filter((d) => !Number.isNaN(d));
    if (ds.length === 0) {
      const t = svg("text", { x: this.width / 2, y: H / 2, "text-anchor": "middle", class: "tl-empty" });
      t.textContent = "no dated incidents";
      this.root.appendChild(t);
      return;
    }
    const [lo, hi] = focus(this.days);
    this.d0 = lo;
    this.d1 = hi;
    const plotW = this.width - PAD.l - PAD.r;
    const binW = Math.max(1, Math.ceil((this.d1 - this.d0 + 1) / Math.max(20, Math.floor(plotW / 3))));
    const nbins = Math.ceil((this.d1 - this.d0 + 1) / binW);
    this.d1 = this.d0 + nbins * binW - 1;
    const bins = binDays(this.days, this.d0, nbins, binW);
    this.drawBars(bins, binW);
    this.drawOutside();
    this.drawAxis();
    this.drawRange();
  }

  private drawBars(bins: Bin[], binW: number): void {
    const maxI = Math.max(1, ...bins.map((b) => b.incidents));
    const maxF = Math.max(1, ...bins.map((b) => b.fatalities));
    const plotH = H - PAD.t - PAD.b;
    const g = svg("g", { class: "tl-bars" });
    const line: string[] = [];
    for (const b of bins) {
      const x0 = this.x(b.day);
      const w = Math.max(1, this.x(b.day + binW) - x0 - 0.5);
      let y = H - PAD.b;
      for (const t of [...TYPE_ORDER, ...[...b.byType.keys()].filter((k) => !TYPE_ORDER.includes(k))]) {
        const n = b.byType.get(t);
        if (!n) continue;
        const h = (n / maxI) * plotH;
        y -= h;
        const r = svg("rect", { x: x0, y, width: w, height: h, fill: colorOf(t) });
        const title = svg("title", {});
        title.textContent = `${isoOf(b.day)}${binW > 1 ? ` +${binW - 1}d` : ""}: ${n} ${t}`;
        r.appendChild(title);
        g.appendChild(r);
      }
      line.push(`${x0 + w / 2},${H - PAD.b - (b.fatalities / maxF) * plotH}`);
    }
    this.root.appendChild(g);
    this.root.appendChild(svg("polyline", { points: line.join(" "), class: "tl-fat" }));
    this.label(4, PAD.t + 8, `${maxI}`, "start", "incidents (bars, per bin)");
    this.label(this.width - 4, PAD.t + 8, `${maxF}†`, "end", "fatalities (line, per bin)");
  }

  private label(x: number, y: number, text: string, anchor: string, title: string): void {
    const t = svg("text", { x, y, "text-anchor": anchor, class: "tl-label" });
    t.textContent = text;
    const tt = svg("title", {});
    tt.textContent = title;
    t.appendChild(tt);
    this.root.appendChild(t);
  }

  /** Says how many incidents lie outside a focused chart. */
  private drawOutside(): void {
    let before = 0;
    let after = 0;
    for (const d of this.days) {
      const day = dayOf(d.date);
      if (day < this.d0) before += d.incidents;
      else if (day > this.d1) after += d.incidents;
    }
    if (before) this.label(PAD.l, PAD.t + 8, `◀ ${before} earlier`, "start", "incidents before the charted days (shown on the map and in the list)");
    if (after) this.label(this.width - PAD.r, PAD.t + 8, `${after} later ▶`, "end", "incidents after the charted days (shown on the map and in the list)");
  }

  private drawAxis(): void {
    const n = Math.max(2, Math.floor(this.width / 110));
    for (let i = 0; i < n; i++) {
      const d = Math.round(this.d0 + (i / (n - 1)) * (this.d1 - this.d0));
      const anchor = i === 0 ? "start" : i === n - 1 ? "end" : "middle";
      const t = svg("text", { x: this.x(d), y: H - 5, "text-anchor": anchor, class: "tl-axis" });
      t.textContent = isoOf(d);
      this.root.appendChild(t);
    }
  }

  private drawRange(): void {
    if (!this.range) return;
    const a = this.range[0] ? dayOf(this.range[0]) : this.d0;
    const b = this.range[1] ? dayOf(this.range[1]) : this.d1;
    const x0 = this.x(Math.max(this.d0, a));
    const x1 = this.x(Math.min(this.d1, b) + 1);
    this.root.appendChild(svg("rect", { x: x0, y: PAD.t - 4, width: Math.max(2, x1 - x0), height: H - PAD.t - PAD.b + 4, class: "tl-brush" }));
  }

  private brushEvents(): void {
    let start: number | null = null;
    let live: SVGRectElement | null = null;
    const px = (e: PointerEvent) => e.clientX - this.root.getBoundingClientRect().left;
    this.root.addEventListener("pointerdown", (e) => {
      if (this.days.length === 0) return;
      start = px(e);
      this.root.setPointerCapture(e.pointerId);
      live = svg("rect", { x: start, y: PAD.t - 4, width: 1, height: H - PAD.t - PAD.b + 4, class: "tl-brush live" });
      this.root.appendChild(live);
      e.preventDefault();
    });
    this.root.addEventListener("pointermove", (e) => {
      if (start === null || !live) return;
      const x = px(e);
      live.setAttribute("x", String(Math.min(start, x)));
      live.setAttribute("width", String(Math.abs(x - start)));
    });
    const end = (e: PointerEvent) => {
      if (start === null) return;
      const x = px(e);
      const s = start;
      start = null;
      live?.remove();
      live = null;
      if (Math.abs(x - s) < 4) {
        this.onBrush("", "");
        return;
      }
      const a = this.dayAt(Math.min(s, x));
      const b = this.dayAt(Math.max(s, x));
      this.onBrush(isoOf(a), isoOf(b));
    };
    this.root.addEventListener("pointerup", end);
    this.root.addEventListener("pointercancel", () => { start = null; live?.remove(); live = null; });
  }
}
