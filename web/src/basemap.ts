// The offline basemap: Natural Earth countries (the world-atlas package) at 1:110m and 1:50m, served with the
// page and drawn as a GeoJSON layer, so the map needs no tile server.
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";

/** Shifts the western part of a ring that crosses the antimeridian by 360°, so it draws as one shape instead
 * of a stripe across the world (Chukotka, Fiji). Rings reaching the South Pole (Antarctica) stay as they are. */
export function unwrapRing(ring: Position[]): Position[] {
  let crosses = false;
  for (let i = 1; i < ring.length; i++) {
    if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) crosses = true;
  }
  if (!crosses || ring.some((p) => p[1] < -60)) return ring;
  return ring.map((p) => (p[0] < 0 ? [p[0] + 360, p[1]] : p));
}

function unwrap(g: Geometry | null): Geometry | null {
  if (!g) return g;
  if (g.type === "Polygon") return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === "MultiPolygon") return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}

/** Fetches and converts a basemap file (basemap-110m.json or basemap-50m.json). */
export async function loadCountries(file: string): Promise<FeatureCollection> {
  const res = await fetch(file);
  if (!res.ok) throw new Error(`basemap: ${res.status}`);
  const topo = (await res.json()) as Topology;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection;
  return { ...fc, features: fc.features.map((f: Feature) => ({ ...f, geometry: unwrap(f.geometry) as Geometry })) };
}
