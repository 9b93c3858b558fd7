// The extraction explorer: paste an article or give a URL, see the events found with their spans highlighted and
// the reasons behind each value, then save the article into the store (with a token when the server needs one).
import { extract, saveDocument, type ExtractInput } from "./api";
import { append, byId, clear, el } from "./dom";
import { fmtCount, fmtPlace, fmtWhen } from "./format";
import { eventMarks, legend, renderMarked, Utf8Text } from "./highlight";
import type { Event, Result } from "./types";

function input(form: HTMLFormElement): ExtractInput {
  const v = (name: string) => ((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "").trim();
  const out: ExtractInput = { explain: (form.elements.namedItem("explain") as HTMLInputElement).checked };
  const text = (form.elements.namedItem("text") as HTMLTextAreaElement).value;
  // With text, the URL is the document's address (not fetched); without, the server fetches it.
  if (text.trim()) out.text = text;
  if (v("url")) out.url = v("url");
  if (v("title")) out.title = v("title");
  if (v("published")) out.published = v("published");
  return out;
}

function tokenOf(form: HTMLFormElement): string {
  return (form.elements.namedItem("token") as HTMLInputElement).value.trim();
}

function eventCard(ev: Event, i: number): HTMLElement {
  const actors = (ev.actors ?? []).map((a) => `${a.name} (${a.role}${a.attribution !== "stated" ? `, ${a.attribution}` : ""})`);
  const facts: [string, string][] = [
    ["Type", `${ev.event_type} / ${ev.sub_event_type}`],
    ["Where", ev.location ? `${fmtPlace(ev.location)} (${ev.location.precision})` : "unknown"],
    ["When", fmtWhen(ev.date)],
    ["Actors", actors.join("; ") || "none"],
    ["Fatalities", fmtCount(ev.fatalities)],
    ["Injuries", fmtCount(ev.injuries)],
    ["Claims", (ev.claims ?? []).map((c) => `${c.claimant.name} ${c.stance}`).join("; ") || "none"],
    ["Confidence", ev.confidence.toFixed(2)],
  ];
  const card = el("article", { class: "event-card" }, el("h3", {}, `Event ${i + 1}: ${ev.sub_event_type}`),
    el("dl", {}, ...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
  const reasons = ev.explain ?? [];
  if (reasons.length) {
    append(card, el("details", { class: "explain" }, el("summary", {}, `Why (${reasons.length} reasons)`),
      el("table", {}, el("thead", {}, el("tr", {}, ...["Field", "Value", "Rule", "Entry", "Text"].map((h) => el("th", {}, h)))),
        el("tbody", {}, ...reasons.map((r) => el("tr", {},
          el("td", {}, r.field), el("td", {}, r.value), el("td", {}, r.rule), el("td", {}, r.entry ?? ""),
          el("td", { class: "quote" }, r.span?.text ?? "")))))));
  }
  return card;
}

/** Renders an extraction result: the text with every event's spans marked, then one card per event. */
export function renderResult(host: HTMLElement, res: Result): void {
  clear(host);
  const events = res.events ?? [];
  const text = res.document.text ?? "";
  append(host, el("h2", {}, `${events.length} event${events.length === 1 ? "" : "s"}`,
    res.document.title ? ` in “${res.document.title}”` : ""));
  if (text) {
    const t = new Utf8Text(text);
    append(host, legend());
    const pre = el("div", { class: "doc-text" });
    pre.appendChild(renderMarked(t, 0, t.length, events.flatMap(eventMarks)));
    append(host, pre);
  }
  append(host, ...events.map(eventCard));
}

/** Wires the explorer form. */
export function setupExplorer(): void {
  const form = byId<HTMLFormElement>("extract-form");
  const status = byId("extract-status");
  const out = byId("extract-out");
  const run = async (what: string, fn: () => Promise<void>) => {
    status.textContent = `${what}…`;
    try {
      await fn();
    } catch (e) {
      status.textContent = `${what} failed: ${(e as Error).message}`;
    }
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const in_ = input(form);
    if (!in_.text && !in_.url) { status.textContent = "Paste a text or give a URL."; return; }
    void run("Extracting", async () => {
      const res = await extract(in_, tokenOf(form));
      renderResult(out, res);
      const n = (res.events ?? []).length;
      status.textContent = `Extracted ${n} event${n === 1 ? "" : "s"} (nothing stored).`;
    });
  });
  byId("save").addEventListener("click", () => {
    const in_ = input(form);
    if (!in_.text && !in_.url) { status.textContent = "Paste a text or give a URL."; return; }
    void run("Saving", async () => {
      const o = await saveDocument({ ...in_, explain: undefined }, tokenOf(form));
      status.textContent = o.duplicate
        ? `Already stored as document ${o.document_id}.`
        : `Saved document ${o.document_id}: ${o.events} events, ${o.created} new incidents, ${o.merged} merged.`;
    });
  });
}
