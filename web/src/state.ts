// The page's state, kept in the URL's query string so that a view can be shared and is restored on load.

/** Filters sent to the API as they are. */
export const FILTER_KEYS = ["event_type", "sub_event_type", "country", "actor", "q", "from", "to", "min_fatalities"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The whole view: filters, map position, open incident, list order, tab and an optional tile server. */
export interface State {
  filters: Partial<Record<FilterKey, string>>;
  lat?: number; lon?: number; z?: number;
  incident?: string;
  sort?: string;
  tab?: string;
  tiles?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function num(v: string | null): number | undefined {
  if (v === null || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Reads the state from a query string, dropping malformed values. */
export function parseState(search: string): State {
  const p = new URLSearchParams(search);
  const filters: State["filters"] = {};
  for (const k of FILTER_KEYS) {
    const v = (p.get(k) ?? "").trim();
    if (!v) continue;
    if ((k === "from" || k === "to") && !DATE.test(v)) continue;
    if (k === "min_fatalities" && !(Number(v) >= 0)) continue;
    filters[k] = v;
  }
  return {
    filters,
    lat: num(p.get("lat")), lon: num(p.get("lon")), z: num(p.get("z")),
    incident: p.get("incident") || undefined,
    sort: p.get("sort") || undefined,
    tab: p.get("tab") || undefined,
    tiles: p.get("tiles") || undefined,
  };
}

/** Writes the state as a query string (without "?"). */
export function formatState(s: State): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = s.filters[k];
    if (v) p.set(k, v);
  }
  if (s.z !== undefined && s.lat !== undefined && s.lon !== undefined) {
    p.set("lat", s.lat.toFixed(4));
    p.set("lon", s.lon.toFixed(4));
    p.set("z", String(s.z));
  }
  if (s.incident) p.set("incident", s.incident);
  if (s.sort) p.set("sort", s.sort);
  if (s.tab) p.set("tab", s.tab);
  if (s.tiles) p.set("tiles", s.tiles);
  return p.toString();
}

/** The API query for the filters; without the date range when withDates is false (the timeline shows all days). */
export function filterQuery(s: State, withDates = true): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = s.filters[k];
    if (!v) continue;
    if (!withDates && (k === "from" || k === "to")) continue;
    p.set(k, v);
  }
  return p.toString();
}
