// Bundles the page into ../internal/web/dist, which the Go binary embeds.
import { build } from "esbuild";
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "internal", "web", "dist");

await mkdir(out, { recursive: true });
for (const f of await readdir(out)) {
  if (f !== "README.md") await rm(join(out, f), { recursive: true });
}
await build({
  entryPoints: { app: join(here, "src", "main.ts") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  loader: { ".png": "dataurl", ".svg": "dataurl" },
  legalComments: "linked",
  logLevel: "warning",
});
await copyFile(join(here, "index.html"), join(out, "index.html"));
// The offline basemap (Natural Earth countries via world-atlas), fetched by the page after it starts: 1:110m for
// the world view, 1:50m once the map is zoomed in.
const atlas = join(here, "node_modules", "world-atlas");
await copyFile(join(atlas, "countries-110m.json"), join(out, "basemap-110m.json"));
await copyFile(join(atlas, "countries-50m.json"), join(out, "basemap-50m.json"));

// The licences of the packages the bundle carries, served with the page (linked from the map's attribution).
const shipped = ["leaflet", "leaflet.markercluster", "topojson-client", "world-atlas"];
const notices = ["sitrep's web page bundles these packages (npm, versions pinned in web/package-lock.json).",
  "The basemap is Natural Earth data (public domain), naturalearthdata.com, via world-atlas.", ""];
for (const name of shipped) {
  const dir = join(here, "node_modules", name);
  const meta = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
  const file = (await readdir(dir)).find((f) => /licen[cs]e/i.test(f));
  const text = file ? await readFile(join(dir, file), "utf8") : `(${meta.license})`;
  notices.push(`== ${name} ${meta.version} (${meta.license})`, text.trim(), "");
}
await writeFile(join(out, "licenses.txt"), notices.join("\n"));
