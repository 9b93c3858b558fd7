// Unit tests of the page's pure logic (node --test, after esbuild bundles this file; see test.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";
import { unwrapRing } from "../src/basemap";
import { dayOf, isoOf } from "../src/dates";
import { fmtCount, fmtWhen } from "../src/format";
import { mergeRanges, Utf8Text } from "../src/highlight";
import { parseSort } from "../src/list";
import { markerSize } from "../src/size";
import { filterQuery, formatState, parseState } from "../src/state";
import { binDays, focus } from "../src/bins";

test("Utf8Text slices by UTF-8 byte offsets", () => {
  const t = new Utf8Text("Ḩalab — Urūm al-Kubrā was hit.");
  const start = new TextEncoder().encode("Ḩalab — ").length;
  const end = start + new TextEncoder().encode("Urūm al-Kubrā").length;
  assert.equal(t.slice(start, end), "Urūm al-Kubrā");
  // An offset inside a character moves back to its start; out-of-range offsets are clamped.
  assert.equal(t.slice(1, 4), "Ḩa");
  assert.equal(t.slice(-5, 3), "Ḩ");
  assert.equal(t.slice(end, 10_000), " was hit.");
});

test("Utf8Text.context stops at line breaks", () => {
  const text = "first line\nthe evidence sentence here\nlast line";
  const t = new Utf8Text(text);
  const s = text.indexOf("evidence");
  const [a, b] = t.context(s, s + 8);
  assert.equal(t.slice(a, b), "the evidence sentence here");
});

test("mergeRanges joins overlapping and touching ranges", () => {
  assert.deepEqual(mergeRanges([[10, 20], [0, 5], [5, 8], [15, 30], [40, 41]]), [[0, 8], [10, 30], [40, 41]]);
  assert.deepEqual(mergeRanges([]), []);
});

test("state round-trips through the URL and drops malformed values", () => {
  const s = parseState("?event_type=Battles&from=2026-01-02&to=bad&min_fatalities=-3&country=SY&lat=1.5&lon=2&z=6&incident=inc-1&sort=-fatalities&tiles=https%3A%2F%2Ft.example%2F%7Bz%7D%2F%7Bx%7D%2F%7By%7D.png");
  assert.deepEqual(s.filters, { event_type: "Battles", from: "2026-01-02", country: "SY" });
  assert.equal(s.z, 6);
  assert.equal(s.incident, "inc-1");
  assert.equal(s.tiles, "https://t.example/{z}/{x}/{y}.png");
  const again = parseState("?" + formatState(s));
  assert.deepEqual(again, s);
  assert.equal(filterQuery(s, false), "event_type=Battles&country=SY");
});

test("parseSort defaults to newest first", () => {
  assert.deepEqual(parseSort(undefined), { key: "date", desc: true });
  assert.deepEqual(parseSort("place"), { key: "place", desc: false });
  assert.deepEqual(parseSort("-fatalities"), { key: "fatalities", desc: true });
  assert.deepEqual(parseSort("-nonsense"), { key: "date", desc: true });
});

test("dates convert both ways", () => {
  assert.equal(isoOf(dayOf("2016-10-05")), "2016-10-05");
  assert.equal(dayOf("2026-01-02") - dayOf("2025-12-31"), 2);
  assert.ok(Number.isNaN(dayOf("not a date")));
});

test("counts and dates read as text", () => {
  assert.equal(fmtCount({ low: 20, best: 21, high: 21, qualifier: "range" }), "range 20–21 (best 21)");
  assert.equal(fmtCount({ low: 15, best: 15, high: 15, qualifier: "at least" }), "at least 15");
  assert.equal(fmtCount(null), "unknown");
  assert.equal(fmtWhen({ start: "2026-02-14", end: "2026-02-14", precision: "day" }), "2026-02-14 (day precision)");
});

test("marker size grows with fatalities and is capped", () => {
  assert.equal(markerSize(0), 10);
  assert.ok(markerSize(25) > markerSize(4));
  assert.equal(markerSize(1e6), 40);
  assert.equal(markerSize(null), 10);
});

test("timeline focus ignores a few far outliers", () => {
  const days = [{ date: "2017-01-01", event_type: "Battles", incidents: 1, fatalities: 0 }];
  for (let i = 1; i <= 28; i++) days.push({ date: `2026-02-${String(i).padStart(2, "0")}`, event_type: "Battles", incidents: 5, fatalities: 1 });
  assert.deepEqual(focus(days).map(isoOf), ["2026-02-01", "2026-02-28"]);
  assert.deepEqual(focus(days.slice(1)).map(isoOf), ["2026-02-01", "2026-02-28"]);
  // Many old incidents are not outliers: the chart keeps them.
  const many = days.map((d) => (d.date === "2017-01-01" ? { ...d, incidents: 40 } : d));
  assert.deepEqual(focus(many).map(isoOf), ["2017-01-01", "2026-02-28"]);
});

test("rings across the antimeridian are unwrapped, Antarctica is not", () => {
  assert.deepEqual(unwrapRing([[179, 65], [-179, 66], [-178, 64], [179, 65]]), [[179, 65], [181, 66], [182, 64], [179, 65]]);
  const ant = [[-180, -80], [180, -80], [180, -90], [-180, -90]];
  assert.deepEqual(unwrapRing(ant), ant);
});

test("binDays groups days into bars by event type", () => {
  const d0 = dayOf("2026-02-01");
  const bins = binDays([
    { date: "2026-02-01", event_type: "Battles", incidents: 2, fatalities: 5 },
    { date: "2026-02-02", event_type: "Riots", incidents: 1, fatalities: 0 },
    { date: "2026-02-03", event_type: "Battles", incidents: 1, fatalities: 1 },
    { date: "2026-03-01", event_type: "Battles", incidents: 9, fatalities: 9 },
  ], d0, 2, 2);
  assert.equal(bins.length, 2);
  assert.deepEqual([...bins[0].byType], [["Battles", 2], ["Riots", 1]]);
  assert.equal(bins[0].fatalities, 5);
  assert.equal(bins[1].incidents, 1);
});
