// Plain-text forms of model values.
import type { Count, Place, When } from "./types";

/** "at least 12", "8–12 (best 10)", "unknown". */
export function fmtCount(c: Count | null | undefined): string {
  if (!c) return "unknown";
  const { low, best, high } = c;
  const q = c.qualifier ? `${c.qualifier} ` : "";
  if (low != null && high != null && low !== high) {
    return `${q}${low}–${high}${best != null ? ` (best ${best})` : ""}`;
  }
  const n = best ?? low ?? high;
  return n == null ? "unknown" : `${q}${n}`;
}

/** "2016-10-03 (day)" or "2016-10-01 – 2016-10-07 (week)". */
export function fmtWhen(w: When | null | undefined): string {
  if (!w) return "unknown";
  const range = w.end && w.end !== w.start ? `${w.start} – ${w.end}` : w.start;
  return `${range} (${w.precision || "?"} precision)`;
}

/** "Aleppo, Aleppo Governorate, SY". */
export function fmtPlace(p: Place | null | undefined): string {
  if (!p) return "unknown";
  return [p.name, p.admin1, p.country].filter(Boolean).join(", ");
}
