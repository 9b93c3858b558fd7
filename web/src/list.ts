// The sortable incident list beside the map; rows and markers select each other.
import { clear, el } from "./dom";
import { colorOf } from "./taxonomy";
import type { Marker } from "./types";

/** Rows rendered at most; the rest are counted in a note (narrow the filters to see them). */
export const MAX_ROWS = 300;

type Key = "date" | "type" | "place" | "fatalities";

/** Plain code-unit order: ISO dates and ids sort right, and it is much faster than localeCompare on 10k rows. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

const compare: Record<Key, (a: Marker, b: Marker) => number> = {
  date: (a, b) => cmp(a.date, b.date) || cmp(a.id, b.id),
  type: (a, b) => cmp(a.sub_event_type, b.sub_event_type) || cmp(a.date, b.date),
  place: (a, b) => collator.compare(placeOf(a), placeOf(b)) || cmp(a.date, b.date),
  fatalities: (a, b) => (a.fatalities ?? -1) - (b.fatalities ?? -1) || cmp(a.date, b.date),
};

function placeOf(m: Marker): string {
  return [m.location, m.country].filter(Boolean).join(", ");
}

/** Text with a line-break opportunity after each slash ("Shelling/artillery/missile attack"). */
function breakable(s: string): (string | HTMLElement)[] {
  return s.split("/").flatMap((part, i, all) => (i < all.length - 1 ? [`${part}/`, el("wbr")] : [part]));
}

/** Parses "key" or "-key" (descending); the default is newest first. */
export function parseSort(s: string | undefined): { key: Key; desc: boolean } {
  const desc = !s || s.startsWith("-");
  const k = (s ?? "").replace(/^-/, "");
  return { key: (k in compare ? k : "date") as Key, desc };
}

/** The incident table. */
export class IncidentList {
  private markers: Marker[] = [];
  private selected = "";

  constructor(
    private readonly table: HTMLTableElement,
    private readonly note: HTMLElement,
    private sort: string,
    private readonly on: { select(id: string): void; sorted(sort: string): void },
  ) {
    for (const th of table.querySelectorAll<HTMLTableCellElement>("th[data-sort]")) {
      th.querySelector("button")?.addEventListener("click", () => this.toggle(th.dataset.sort ?? "date"));
    }
  }

  private toggle(key: string): void {
    const cur = parseSort(this.sort);
    this.sort = cur.key === key ? (cur.desc ? key : `-${key}`) : key === "date" || key === "fatalities" ? `-${key}` : key;
    this.on.sorted(this.sort);
    this.render();
  }

  /** Replaces the rows. */
  set(ms: Marker[]): void {
    this.markers = ms;
    this.render();
  }

  /** Highlights a row (rendering it at the top when it is past the visible rows) and scrolls to it. */
  select(id: string): void {
    this.selected = id;
    this.render();
    this.table.querySelector<HTMLTableRowElement>("tr.selected")?.scrollIntoView({ block: "nearest" });
  }

  private render(): void {
    const { key, desc } = parseSort(this.sort);
    for (const th of this.table.querySelectorAll<HTMLTableCellElement>("th[data-sort]")) {
      th.setAttribute("aria-sort", th.dataset.sort === key ? (desc ? "descending" : "ascending") : "none");
    }
    const rows = [...this.markers].sort(compare[key]);
    if (desc) rows.reverse();
    const shown = rows.slice(0, MAX_ROWS);
    const sel = this.markers.find((m) => m.id === this.selected);
    if (sel && !shown.includes(sel)) shown.unshift(sel);
    const body = this.table.tBodies[0];
    clear(body);
    for (const m of shown) body.appendChild(this.row(m));
    this.note.textContent = rows.length > MAX_ROWS
      ? `Showing ${MAX_ROWS} of ${rows.length} incidents: narrow the filters or the dates to see the rest.`
      : rows.length === 0 ? "No incidents match." : `${rows.length} incidents.`;
  }

  private row(m: Marker): HTMLTableRowElement {
    const dot = el("span", { class: "dot", "aria-hidden": "true" });
    dot.style.backgroundColor = colorOf(m.event_type);
    const date = el("td", { class: "date" }, el("span", {}, m.date));
    if (m.date_end && m.date_end !== m.date) {
      const end = m.date_end.slice(0, 4) === m.date.slice(0, 4) ? m.date_end.slice(5) : m.date_end;
      date.append(" ", el("span", { title: `${m.date} – ${m.date_end}` }, `– ${end}`));
    }
    const tr = el("tr", { "data-id": m.id, tabindex: "0", class: m.id === this.selected ? "selected" : undefined },
      date,
      el("td", {}, dot, ...breakable(m.sub_event_type || m.event_type)),
      el("td", {}, placeOf(m)),
      el("td", { class: "num" }, m.fatalities === null || m.fatalities === undefined ? "" : String(m.fatalities)),
    );
    if (m.actor1) tr.title = m.actor1;
    tr.addEventListener("click", () => this.on.select(m.id));
    tr.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); this.on.select(m.id); }
    });
    return tr;
  }
}
