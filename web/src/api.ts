// Calls to sitrep's JSON API. Errors come back as {"error": "..."}; they are thrown as Error with that message.
import type { IncidentDetail, MapResponse, Outcome, Result, TimelineResponse } from "./types";

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { headers: { Accept: "application/json" }, ...init });
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    const msg = body && typeof body === "object" && "error" in body ? String((body as { error: unknown }).error) : "";
    throw new Error(`${res.status} ${msg || res.statusText}`);
  }
  return body as T;
}

/** Markers of every incident matching the filter query. */
export const fetchMap = (query: string) => call<MapResponse>(`/api/map?${query}`);

/** Incidents and fatalities per day and event type. */
export const fetchTimeline = (query: string) => call<TimelineResponse>(`/api/timeline?${query}`);

/** One incident with its documents and history. */
export const fetchIncident = (id: string) => call<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`);

/** The body of an extraction or save request. */
export interface ExtractInput { text?: string; url?: string; title?: string; published?: string; explain?: boolean }

function post<T>(path: string, body: ExtractInput, token?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return call<T>(path, { method: "POST", headers, body: JSON.stringify(body) });
}

/** Extracts events from a text or URL without storing anything (a server with a token wants it here too). */
export const extract = (in_: ExtractInput, token: string) => post<Result>("/api/extract", in_, token);

/** Stores a document through the pipeline. */
export const saveDocument = (in_: ExtractInput, token: string) => post<Outcome>("/api/documents", in_, token);
