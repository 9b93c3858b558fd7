// leaflet.markercluster's bundle extends the global L, so Leaflet is made global before it loads.
import L from "leaflet";

(window as unknown as { L: typeof L }).L = L;

export default L;
