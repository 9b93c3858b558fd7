// The size of an incident marker.

/** Pixel diameter of a marker for a number of fatalities. */
export function markerSize(fatalities: number | null | undefined): number {
  const f = Math.max(0, fatalities ?? 0);
  return Math.round(10 + Math.min(30, 4 * Math.sqrt(f)));
}
