// The page: wires the state in the URL to the filter form, the map, the timeline, the list and the dossier.
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "leaflet.markercluster/dist/MarkerCluster.Default.css";
import "./style.css";
import { fetchIncident, fetchMap, fetchTimeline } from "./api";
import { byId, clear } from "./dom";
import { renderDossier } from "./dossier";
import { setupExplorer } from "./explorer";
import { FilterForm } from "./filters";
import { IncidentList } from "./list";
import { IncidentMap } from "./map";
import { filterQuery, formatState, parseState, type State } from "./state";
import { Timeline } from "./timeline";

class App {
  private state: State = parseState(location.search);
  private readonly body = document.body;
  private readonly status = byId("status");
  private readonly dossier = byId("dossier");
  private readonly form: FilterForm;
  private readonly map: IncidentMap;
  private readonly list: IncidentList;
  private readonly timeline: Timeline;
  private gen = 0;

  constructor() {
    this.form = new FilterForm((f) => this.applyFilters(f));
    this.map = new IncidentMap(byId("map"), {
      select: (id) => this.select(id, false),
      moved: (lat, lon, z) => {
        Object.assign(this.state, { lat, lon, z });
        this.saveURL(false);
      },
    }, this.state.tiles);
    this.list = new IncidentList(byId("incidents"), byId("list-note"), this.state.sort ?? "", {
      select: (id) => this.select(id, true),
      sorted: (sort) => { this.state.sort = sort; this.saveURL(false); },
    });
    this.timeline = new Timeline(byId("timeline"), (from, to) => {
      this.applyFilters({ ...this.state.filters, from: from || undefined, to: to || undefined });
    });
    byId("tab-map").addEventListener("click", () => this.showTab(""));
    byId("tab-explore").addEventListener("click", () => this.showTab("explore"));
    byId("toggle-filters").addEventListener("click", () => this.form.form.classList.toggle("open"));
    window.addEventListener("popstate", () => this.restore());
    setupExplorer();
    this.restore();
  }

  /** Applies the URL's state to every part of the page. */
  private restore(): void {
    this.state = parseState(location.search);
    this.form.write(this.state.filters);
    const { lat, lon, z } = this.state;
    if (lat !== undefined && lon !== undefined && z !== undefined) this.map.map.setView([lat, lon], z, { animate: false });
    this.showTab(this.state.tab ?? "", false);
    void this.load().then(() => {
      if (this.state.incident) this.select(this.state.incident, lat === undefined);
      else this.closeDossier(false);
    });
  }

  private saveURL(push: boolean): void {
    const q = formatState(this.state);
    const url = q ? `?${q}` : location.pathname;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  private applyFilters(f: State["filters"]): void {
    this.state.filters = f;
    this.form.write(f);
    this.saveURL(true);
    void this.load();
  }

  /** Fetches markers and the timeline for the current filters and redraws. */
  private async load(): Promise<void> {
    const gen = ++this.gen;
    this.body.dataset.state = "loading";
    this.status.textContent = "Loading…";
    try {
      const t0 = performance.now();
      const [m, t] = await Promise.all([fetchMap(filterQuery(this.state)), fetchTimeline(filterQuery(this.state, false))]);
      if (gen !== this.gen) return;
      const t1 = performance.now();
      const markers = m.markers ?? [];
      const drawn = this.map.setMarkers(markers);
      this.list.set(markers);
      this.form.suggest(markers);
      const t2 = performance.now();
      this.timeline.set(t.days ?? [], this.state.filters.from ?? "", this.state.filters.to ?? "");
      const t3 = performance.now();
      const n = await drawn;
      if (gen !== this.gen) return;
      const t4 = performance.now();
      // Where the time of a load goes (ms), for the load benchmark.
      this.body.dataset.timings = JSON.stringify({ start: Math.round(t0), fetch: Math.round(t1 - t0),
        list: Math.round(t2 - t1), timeline: Math.round(t3 - t2), markers: Math.round(t4 - t3) });
      const total = markers.reduce((s, x) => s + (x.fatalities ?? 0), 0);
      this.status.textContent = `${markers.length} incidents, ${total} killed${m.truncated ? " (truncated: narrow the filters)" : ""}`;
      this.body.dataset.markers = String(n);
      if (!this.body.dataset.readyMs) this.body.dataset.readyMs = String(Math.round(performance.now()));
      this.body.dataset.state = "ready";
    } catch (e) {
      if (gen !== this.gen) return;
      this.status.textContent = `Could not load incidents: ${(e as Error).message}`;
      this.body.dataset.state = "error";
    }
    this.body.dataset.gen = String(gen);
  }

  /** Opens an incident's dossier and selects it on the map and in the list. */
  private select(id: string, pan: boolean): void {
    this.state.incident = id;
    this.saveURL(false);
    this.map.select(id, pan);
    this.list.select(id);
    this.dossier.hidden = false;
    this.dossier.dataset.id = "";
    clear(this.dossier);
    this.dossier.textContent = "Loading…";
    fetchIncident(id).then((d) => {
      if (this.state.incident !== id) return;
      renderDossier(this.dossier, d, () => this.closeDossier(true));
      this.dossier.dataset.id = id;
      this.dossier.scrollTop = 0;
    }).catch((e: Error) => {
      this.dossier.textContent = `Could not load incident ${id}: ${e.message}`;
    });
  }

  private closeDossier(save: boolean): void {
    this.dossier.hidden = true;
    this.dossier.dataset.id = "";
    this.state.incident = undefined;
    this.map.select("", false);
    if (save) this.saveURL(false);
  }

  private showTab(tab: string, save = true): void {
    this.state.tab = tab || undefined;
    byId("view-map").hidden = tab === "explore";
    byId("view-explore").hidden = tab !== "explore";
    byId("tab-map").setAttribute("aria-pressed", String(tab !== "explore"));
    byId("tab-explore").setAttribute("aria-pressed", String(tab === "explore"));
    if (tab !== "explore") this.map.map.invalidateSize();
    if (save) this.saveURL(false);
  }
}

document.addEventListener("DOMContentLoaded", () => new App());
