// The timeline's data: which days to chart and how to group them into bars.
import { dayOf } from "./dates";
import type { Day } from "./types";

/** One bar: incidents by event type and fatalities over width days from day. */
export interface Bin { day: number; byType: Map<string, number>; incidents: number; fatalities: number }

/** Groups days into bins of width days each, starting at d0. */
export function binDays(days: Day[], d0: number, nbins: number, width: number): Bin[] {
  const bins: Bin[] = Array.from({ length: nbins }, (_, i) => ({ day: d0 + i * width, byType: new Map(), incidents: 0, fatalities: 0 }));
  for (const d of days) {
    const i = Math.floor((dayOf(d.date) - d0) / width);
    const b = bins[i];
    if (!b) continue;
    b.byType.set(d.event_type, (b.byType.get(d.event_type) ?? 0) + d.incidents);
    b.incidents += d.incidents;
    b.fatalities += d.fatalities;
  }
  return bins;
}

/** The days to chart: all of them, or, when a few outliers stretch a long range (more than a year, the middle
 * 98% of incidents in less than half of it), the middle 98%, so that the bulk stays readable. */
export function focus(days: Day[]): [number, number] {
  const pts = days.map((d) => ({ day: dayOf(d.date), n: d.incidents })).filter((p) => !Number.isNaN(p.day));
  pts.sort((a, b) => a.day - b.day);
  const d0 = pts[0].day;
  const d1 = pts[pts.length - 1].day;
  const total = pts.reduce((s, p) => s + p.n, 0);
  if (d1 - d0 < 366 || total < 50) return [d0, d1];
  let acc = 0;
  let lo = NaN;
  let hi = d1;
  for (const p of pts) {
    acc += p.n;
    if (Number.isNaN(lo) && acc > total * 0.01) lo = p.day;
    if (acc >= total * 0.99) { hi = p.day; break; }
  }
  return hi - lo + 1 < (d1 - d0 + 1) / 2 ? [lo, hi] : [d0, d1];
}
