// The JSON shapes of sitrep's API (internal/event, internal/store, internal/api), as far as the page uses them.

export interface Span { start: number; end: number; text: string }
export interface When { start: string; end: string; precision: string; span?: Span }
export interface Place {
  name: string; lat: number; lon: number; country: string; admin1?: string | null;
  precision: string; geonameid?: number | null; span?: Span;
}
export interface Actor { role: string; name: string; kind: string; country?: string; attribution: string; span?: Span }
export interface Count { low?: number | null; best?: number | null; high?: number | null; qualifier?: string; span?: Span }
export interface Thing { name: string; span?: Span }
export interface Claim { claimant: { name: string; span?: Span }; stance: string; about?: string; span: Span }
export interface Reason { field: string; value: string; rule: string; entry?: string; span?: Span }
export interface Event {
  id: string; event_type: string; sub_event_type: string; summary?: string;
  date?: When | null; location?: Place | null; actors?: Actor[] | null;
  fatalities?: Count | null; injuries?: Count | null; weapons?: Thing[] | null; targets?: Thing[] | null;
  claims?: Claim[] | null; sources?: string[] | null; evidence?: Span[] | null; confidence: number;
  explain?: Reason[] | null;
}
export interface Report {
  document_id: string; url?: string; publisher?: string; published?: string | null; event: Event;
  duplicate_of?: string; added: string;
}
export interface Merge { document_id: string; event_id: string; score: number; reasons: string[]; at: string }
export interface Incident {
  id: string; event_type: string; sub_event_type: string; summary?: string; date?: When | null;
  location?: Place | null; actors?: Actor[] | null; fatalities?: Count | null; reports?: Report[] | null;
  merges?: Merge[] | null; created: string; updated: string;
}
export interface Doc {
  id: string; url?: string; title?: string; publisher?: string; published?: string | null; language: string;
  text?: string; canonical_url?: string; duplicate_of?: string;
}
export interface IncidentDetail { incident: Incident; documents?: Doc[] | null; changes?: unknown[] | null }
export interface Marker {
  id: string; lat: number; lon: number; date: string; date_end?: string; event_type: string;
  sub_event_type: string; fatalities?: number | null; country?: string; location?: string; actor1?: string;
}
export interface MapResponse { markers: Marker[] | null; truncated: boolean }
export interface Day { date: string; event_type: string; incidents: number; fatalities: number }
export interface TimelineResponse { days: Day[] | null }
export interface Result { schema: string; document: Doc; events: Event[] | null; entities?: unknown[] | null }
export interface Outcome {
  document_id: string; duplicate: boolean; duplicate_of?: string; events: number; created: number; merged: number;
}
