// Calendar days as integers (days since 1970-01-01, UTC), the unit of the timeline.

const MS_DAY = 86_400_000;

/** Day number of "YYYY-MM-DD", or NaN. */
export function dayOf(iso: string): number {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? NaN : Math.round(t / MS_DAY);
}

/** "YYYY-MM-DD" of a day number. */
export function isoOf(day: number): string {
  return new Date(day * MS_DAY).toISOString().slice(0, 10);
}
