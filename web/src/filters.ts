// The filter form: event type and sub-type, country, actor, text, dates, minimum fatalities.
import { byId, clear, el } from "./dom";
import { FILTER_KEYS, type State } from "./state";
import { EVENT_TYPES } from "./taxonomy";
import type { Marker } from "./types";

function field(form: HTMLFormElement, name: string): HTMLInputElement | HTMLSelectElement {
  return form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
}

/** Fills the sub-type list for an event type (all sub-types when none is chosen). */
function fillSubTypes(form: HTMLFormElement, type: string, keep: string): void {
  const sel = field(form, "sub_event_type") as HTMLSelectElement;
  clear(sel);
  sel.appendChild(el("option", { value: "" }, "any"));
  const types = type && EVENT_TYPES[type] ? [type] : Object.keys(EVENT_TYPES);
  for (const t of types) for (const s of EVENT_TYPES[t]) sel.appendChild(el("option", { value: s }, s));
  sel.value = keep;
}

/** The filter form bound to the page's state. */
export class FilterForm {
  readonly form = byId<HTMLFormElement>("filters");

  constructor(onApply: (f: State["filters"]) => void) {
    const types = field(this.form, "event_type") as HTMLSelectElement;
    for (const t of Object.keys(EVENT_TYPES)) types.appendChild(el("option", { value: t }, t));
    fillSubTypes(this.form, "", "");
    types.addEventListener("change", () => fillSubTypes(this.form, types.value, ""));
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      onApply(this.read());
    });
    byId("reset").addEventListener("click", () => {
      this.write({});
      onApply({});
    });
  }

  /** The filters as the form holds them. */
  read(): State["filters"] {
    const out: State["filters"] = {};
    for (const k of FILTER_KEYS) {
      const v = field(this.form, k).value.trim();
      if (v) out[k] = k === "country" ? v.toUpperCase() : v;
    }
    return out;
  }

  /** Shows filters in the form. */
  write(f: State["filters"]): void {
    field(this.form, "event_type").value = f.event_type ?? "";
    fillSubTypes(this.form, f.event_type ?? "", f.sub_event_type ?? "");
    for (const k of FILTER_KEYS) {
      if (k !== "event_type" && k !== "sub_event_type") field(this.form, k).value = f[k] ?? "";
    }
  }

  /** Offers the countries and actors of the loaded markers as suggestions. */
  suggest(ms: Marker[]): void {
    const fill = (id: string, values: Set<string>) => {
      const dl = byId(id);
      clear(dl);
      for (const v of [...values].sort().slice(0, 500)) dl.appendChild(el("option", { value: v }));
    };
    fill("countries", new Set(ms.map((m) => m.country ?? "").filter(Boolean)));
    fill("actors", new Set(ms.map((m) => m.actor1 ?? "").filter(Boolean)));
  }
}
