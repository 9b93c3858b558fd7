// The map: an offline basemap (Natural Earth countries from world-atlas, drawn as a GeoJSON layer), an optional
// tile layer, and one marker per incident, sized by fatalities, coloured by event type, clustered when zoomed out.
import L from "./leaflet-global";
import "leaflet.markercluster";
import { loadCountries } from "./basemap";
import { markerSize } from "./size";
import { colorOf, TYPE_ORDER } from "./taxonomy";
import type { Marker } from "./types";

/** What the map tells the page. */
export interface MapEvents {
  select(id: string): void;
  moved(lat: number, lon: number, z: number): void;
}

/** The incident map. */
export class IncidentMap {
  readonly map: L.Map;
  private cluster: L.MarkerClusterGroup;
  private readonly byId = new Map<string, L.Marker>();
  private readonly data = new WeakMap<L.Marker, Marker>();
  private selected = "";

  constructor(el: HTMLElement, private readonly on: MapEvents, tiles?: string) {
    this.map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 18, preferCanvas: false }).setView([20, 20], 2);
    el.style.background = "#cfe3f2";
    this.map.attributionControl.setPrefix('<a href="licenses.txt" target="_blank" rel="noopener">Leaflet &amp; licences</a>');
    if (tiles && /^https?:\/\//.test(tiles) && tiles.includes("{z}")) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: "tiles: configured server" }).addTo(this.map);
    } else {
      void this.loadBasemap();
    }
    this.cluster = this.newCluster(() => undefined);
    this.map.addLayer(this.cluster);
    this.addLegend();
    this.map.on("moveend", () => {
      const c = this.map.getCenter();
      this.on.moved(c.lat, c.lng, this.map.getZoom());
    });
  }

  /** Draws the coarse world basemap now and swaps in the detailed one the first time the map is zoomed in. */
  private async loadBasemap(): Promise<void> {
    const coarse = await this.drawBasemap("basemap-110m.json");
    this.map.attributionControl.addAttribution("basemap: Natural Earth");
    const detail = async () => {
      if (this.map.getZoom() < 4) return;
      this.map.off("zoomend", detail);
      if (await this.drawBasemap("basemap-50m.json")) coarse?.remove();
    };
    this.map.on("zoomend", detail);
    void detail();
  }

  private async drawBasemap(file: string): Promise<L.GeoJSON | null> {
    try {
      const geo = await loadCountries(file);
      return L.geoJSON(geo, {
        style: { color: "#8a8a8a", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
        interactive: false,
      }).addTo(this.map).bringToBack();
    } catch (e) {
      console.warn("basemap", e);
      return null;
    }
  }

  /** A new cluster layer (one per data load, so that a load still adding markers in chunks cannot mix its
   * markers into the next one). */
  private newCluster(loaded: () => void): L.MarkerClusterGroup {
    return L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      disableClusteringAtZoom: 11,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: (c) => this.clusterIcon(c),
      chunkProgress: (done, total) => {
        if (done === total) loaded();
      },
    });
  }

  private addLegend(): void {
    const legend = new L.Control({ position: "bottomleft" });
    legend.onAdd = () => {
      const box = L.DomUtil.create("div", "map-legend");
      for (const t of TYPE_ORDER) {
        const row = L.DomUtil.create("div", "", box);
        const dot = L.DomUtil.create("span", "dot", row);
        dot.style.backgroundColor = colorOf(t);
        row.appendChild(document.createTextNode(t));
      }
      return box;
    };
    legend.addTo(this.map);
  }

  /** Replaces the markers; resolves with how many are in the layer once all are clustered and drawn (the
   * cluster layer adds them in chunks, between frames, so that the page stays responsive). */
  setMarkers(ms: Marker[]): Promise<number> {
    let resolve: (n: number) => void = () => undefined;
    const done = new Promise<number>((r) => { resolve = r; });
    this.map.removeLayer(this.cluster);
    let adding = false; // onAdd reports an empty first batch: only the batch of addLayers counts
    const cluster = this.newCluster(() => { if (adding) resolve(this.byId.size); });
    this.cluster = cluster;
    this.map.addLayer(cluster);
    this.byId.clear();
    const layers: L.Marker[] = [];
    for (const m of ms) {
      if (!Number.isFinite(m.lat) || !Number.isFinite(m.lon)) continue;
      const size = markerSize(m.fatalities);
      const icon = L.divIcon({ className: "inc-marker", iconSize: [size, size], html: "" });
      const mk = L.marker([m.lat, m.lon], { icon, keyboard: true, title: `${m.date} ${m.sub_event_type}` });
      mk.on("add", () => this.decorate(mk, m));
      mk.on("click", () => this.on.select(m.id));
      this.byId.set(m.id, mk);
      this.data.set(mk, m);
      layers.push(mk);
    }
    adding = true;
    cluster.addLayers(layers);
    return done;
  }

  /** A cluster's icon: its count, coloured by the event type most of its incidents share. */
  private clusterIcon(c: L.MarkerCluster): L.DivIcon {
    const byType = new Map<string, number>();
    let dead = 0;
    for (const mk of c.getAllChildMarkers()) {
      const m = this.data.get(mk);
      if (!m) continue;
      byType.set(m.event_type, (byType.get(m.event_type) ?? 0) + 1);
      dead += m.fatalities ?? 0;
    }
    let top = "";
    for (const [t, n] of byType) if (!top || n > (byType.get(top) ?? 0)) top = t;
    const n = c.getChildCount();
    const size = Math.round(26 + Math.min(26, 5 * Math.log2(n)));
    const e = document.createElement("div");
    e.className = "inc-cluster";
    e.style.backgroundColor = colorOf(top);
    e.textContent = String(n);
    e.title = `${n} incidents, ${dead} killed`;
    return L.divIcon({ html: e, className: "inc-cluster-icon", iconSize: [size, size] });
  }

  private decorate(mk: L.Marker, m: Marker): void {
    const e = mk.getElement();
    if (!e) return;
    e.dataset.id = m.id;
    e.style.backgroundColor = colorOf(m.event_type);
    e.classList.toggle("selected", m.id === this.selected);
  }

  /** Marks an incident as selected and, when pan is set, shows it (zooming into its cluster). */
  select(id: string, pan: boolean): void {
    this.byId.get(this.selected)?.getElement()?.classList.remove("selected");
    this.selected = id;
    const mk = this.byId.get(id);
    if (!mk) return;
    if (pan) {
      this.cluster.zoomToShowLayer(mk, () => mk.getElement()?.classList.add("selected"));
    } else {
      mk.getElement()?.classList.add("selected");
    }
  }

  /** Number of markers in the layer. */
  count(): number {
    return this.byId.size;
  }
}
