// The incident dossier: what happened, where and when (with precision), who (alleged and contested actors
// marked), how many died per source and reconciled, every report with its evidence highlighted in context,
// claims grouped by stance, and why the reports were merged.
import { append, clear, el, hostOf, safeLink } from "./dom";
import { fmtCount, fmtPlace, fmtWhen } from "./format";
import { evidenceBlocks, legend } from "./highlight";
import { colorOf } from "./taxonomy";
import type { Actor, Claim, Doc, IncidentDetail, Report } from "./types";

const STANCES = ["asserts", "accuses", "denies", "questions", "reports"];

function outlet(r: Report, doc: Doc | undefined): string {
  return r.publisher || doc?.publisher || hostOf(r.url || doc?.url) || r.document_id;
}

function section(title: string, ...body: (Node | null)[]): HTMLElement {
  return el("section", { class: "ds-section" }, el("h3", {}, title), ...body);
}

function actorItem(a: Actor): HTMLElement {
  const li = el("li", { class: `actor attr-${a.attribution}` },
    el("strong", {}, a.name), ` — ${a.role}, ${a.kind.replace(/_/g, " ")}`);
  if (a.attribution === "alleged" || a.attribution === "contested") {
    append(li, " ", el("span", { class: `badge ${a.attribution}` }, a.attribution));
  }
  return li;
}

function fatalities(d: IncidentDetail, docs: Map<string, Doc>): HTMLElement {
  const rows = (d.incident.reports ?? []).map((r) => el("tr", {},
    el("td", {}, outlet(r, docs.get(r.document_id))),
    el("td", {}, r.published ?? ""),
    el("td", {}, fmtCount(r.event.fatalities)),
    el("td", { class: "quote" }, r.event.fatalities?.span?.text ?? "")));
  return section("Fatalities",
    el("p", {}, "Reconciled: ", el("strong", { class: "reconciled" }, fmtCount(d.incident.fatalities))),
    el("table", { class: "per-source" },
      el("thead", {}, el("tr", {}, el("th", {}, "Source"), el("th", {}, "Published"), el("th", {}, "Figure"), el("th", {}, "As written"))),
      el("tbody", {}, ...rows)));
}

function reportItem(r: Report, doc: Doc | undefined): HTMLElement {
  const head = el("div", { class: "report-head" },
    el("strong", {}, outlet(r, doc)), ` · ${r.published ?? "date unknown"} · `,
    safeLink(r.url || doc?.url, doc?.title || r.url || r.document_id));
  const meta = el("div", { class: "report-meta" },
    `${r.event.sub_event_type} · ${fmtPlace(r.event.location)} · ${fmtWhen(r.event.date)} · confidence ${r.event.confidence.toFixed(2)}`);
  const who = (r.event.actors ?? []).map((a) => `${a.name} (${a.role}${a.attribution && a.attribution !== "stated" ? `, ${a.attribution}` : ""})`);
  const li = el("li", { class: "report", "data-document": r.document_id }, head, meta,
    who.length ? el("div", { class: "report-meta" }, `Actors in this report: ${who.join("; ")}`) : null);
  if (r.duplicate_of) append(li, el("div", { class: "note" }, `A copy of document ${r.duplicate_of} (syndicated).`));
  const blocks = evidenceBlocks(r.event, doc?.text);
  if (blocks.length === 0) append(li, el("div", { class: "note" }, "No evidence spans recorded."));
  append(li, ...blocks);
  return li;
}

function claims(reports: Report[], docs: Map<string, Doc>): HTMLElement | null {
  const groups = new Map<string, { c: Claim; src: string }[]>();
  for (const r of reports) {
    for (const c of r.event.claims ?? []) {
      const g = groups.get(c.stance) ?? [];
      g.push({ c, src: outlet(r, docs.get(r.document_id)) });
      groups.set(c.stance, g);
    }
  }
  if (groups.size === 0) return null;
  const order = [...STANCES, ...[...groups.keys()].filter((s) => !STANCES.includes(s))];
  const body = order.filter((s) => groups.has(s)).map((s) => el("div", { class: `stance stance-${s}` },
    el("h4", {}, s),
    el("ul", {}, ...(groups.get(s) ?? []).map(({ c, src }) => el("li", {},
      el("strong", {}, c.claimant.name || "unnamed"), c.about ? ` (about ${c.about})` : "", ": ",
      el("q", {}, c.span.text), ` — in ${src}`)))));
  return section("Claims", ...body);
}

function merges(d: IncidentDetail, docs: Map<string, Doc>): HTMLElement | null {
  const ms = d.incident.merges ?? [];
  if (ms.length === 0) return null;
  return section("Why these reports were merged", el("ul", {}, ...ms.map((m) => {
    const r = (d.incident.reports ?? []).find((x) => x.document_id === m.document_id);
    const src = r ? outlet(r, docs.get(m.document_id)) : m.document_id;
    return el("li", {}, el("strong", {}, src), ` (score ${m.score.toFixed(2)}): `, m.reasons.join("; "));
  })));
}

/** Renders the dossier of d into host. */
export function renderDossier(host: HTMLElement, d: IncidentDetail, onClose: () => void): void {
  clear(host);
  const inc = d.incident;
  const docs = new Map((d.documents ?? []).map((x) => [x.id, x]));
  const reports = inc.reports ?? [];
  const swatch = el("span", { class: "dot", "aria-hidden": "true" });
  swatch.style.backgroundColor = colorOf(inc.event_type);
  const close = el("button", { type: "button", class: "close", "aria-label": "Close dossier" }, "×");
  close.addEventListener("click", onClose);
  const loc = inc.location;
  append(host,
    el("header", { class: "ds-head" }, close,
      el("h2", {}, swatch, inc.sub_event_type || inc.event_type),
      el("div", { class: "ds-type" }, inc.event_type, ` · incident ${inc.id}`),
      inc.summary ? el("p", { class: "summary" }, inc.summary) : null),
    section("Where", el("p", {}, fmtPlace(loc),
      loc ? ` — ${loc.precision || "?"} precision (${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)})` : "")),
    section("When", el("p", {}, fmtWhen(inc.date))),
    section("Actors", (inc.actors ?? []).length ? el("ul", { class: "actors" }, ...(inc.actors ?? []).map(actorItem)) : el("p", {}, "none named")),
    fatalities(d, docs),
    section(`Reports (${reports.length})`, legend(), el("ul", { class: "reports" }, ...reports.map((r) => reportItem(r, docs.get(r.document_id))))),
    claims(reports, docs),
    merges(d, docs));
}
