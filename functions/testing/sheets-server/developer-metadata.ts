/**
 * Developer metadata on the whole spreadsheet, as Sheets v4 keeps it:
 * createDeveloperMetadata and deleteDeveloperMetadata (batchUpdate
 * requests), developerMetadata.search and .get, and the `developerMetadata`
 * list of spreadsheets.get. A caller sees DOCUMENT entries and the PROJECT
 * entries its own project created, nothing else — not even by id. Sheet,
 * row and column locations and range data filters are not implemented
 * (Acompte uses none): such requests are refused, never half-served.
 */
import { randomInt } from "node:crypto";
import type { Caller } from "./access";
import { invalidArgument, notFound } from "./api-error";
import type { StoredDeveloperMetadata, StoredSpreadsheet } from "./model";

export type DeveloperMetadataResource = Omit<StoredDeveloperMetadata, "project">;

const VISIBILITIES = ["DOCUMENT", "PROJECT"] as const;
const LOCATION_TYPES = ["SPREADSHEET", "SHEET", "ROW", "COLUMN"];
/** Sheets caps the metadata of one location at 30,000 characters (keys and values). */
const MAX_CHARS_PER_LOCATION = 30_000;

type Json = Record<string, unknown>;

function visibleTo(m: StoredDeveloperMetadata, caller: Caller): boolean {
  return m.visibility === "DOCUMENT" || m.project === caller.project;
}

export function visibleMetadata(s: StoredSpreadsheet, caller: Caller): StoredDeveloperMetadata[] {
  return (s.developerMetadata ?? []).filter((m) => visibleTo(m, caller));
}

export function metadataResource(m: StoredDeveloperMetadata): DeveloperMetadataResource {
  return structuredClone({
    metadataId: m.metadataId,
    metadataKey: m.metadataKey,
    ...(m.metadataValue === undefined ? {} : { metadataValue: m.metadataValue }),
    visibility: m.visibility,
    location: m.location,
  });
}

function optionalString(value: unknown, field: string, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidArgument(`${where}: Invalid value at '${field}' (TYPE_STRING)`);
  return value;
}

/** A developerMetadataLookup: every field it gives must match (an intersection), as in Sheets. */
function lookupMatches(m: StoredDeveloperMetadata, lookup: Json, where: string): boolean {
  const location = lookup.metadataLocation as Json | undefined;
  if (location && location.spreadsheet !== true)
    throw invalidArgument(`${where}: the local Sheets server only looks up spreadsheet-level metadata.`);
  if (lookup.locationType !== undefined && !LOCATION_TYPES.includes(String(lookup.locationType)))
    throw invalidArgument(`${where}: Invalid value at 'locationType' (${String(lookup.locationType)})`);
  if (lookup.visibility !== undefined && !(VISIBILITIES as readonly string[]).includes(String(lookup.visibility)))
    throw invalidArgument(`${where}: Invalid value at 'visibility' (${String(lookup.visibility)})`);
  const key = optionalString(lookup.metadataKey, "metadataKey", where);
  const value = optionalString(lookup.metadataValue, "metadataValue", where);
  return (
    (lookup.metadataId === undefined || Number(lookup.metadataId) === m.metadataId) &&
    (key === undefined || key === m.metadataKey) &&
    (value === undefined || value === m.metadataValue) &&
    (lookup.visibility === undefined || lookup.visibility === m.visibility) &&
    (lookup.locationType === undefined || lookup.locationType === m.location.locationType)
  );
}

function filterMatches(m: StoredDeveloperMetadata, filter: unknown, where: string): boolean {
  const f = (filter ?? {}) as Json;
  if (f.a1Range !== undefined || f.gridRange !== undefined)
    throw invalidArgument(`${where}: the local Sheets server does not implement range data filters for metadata.`);
  if (typeof f.developerMetadataLookup !== "object" || f.developerMetadataLookup === null)
    throw invalidArgument(`${where}: Must specify exactly one data filter type.`);
  return lookupMatches(m, f.developerMetadataLookup as Json, where);
}

function newMetadataId(s: StoredSpreadsheet): number {
  const used = new Set((s.developerMetadata ?? []).map((m) => m.metadataId));
  for (;;) {
    const id = randomInt(1, 2 ** 31 - 1);
    if (!used.has(id)) return id;
  }
}

/** batchUpdate `createDeveloperMetadata`: one entry at spreadsheet level, owned by the caller's project. */
export function createDeveloperMetadata(s: StoredSpreadsheet, body: Json, where: string, caller: Caller): Json {
  const d = body.developerMetadata as Json | undefined;
  if (!d || typeof d !== "object") throw invalidArgument(`${where}: Developer metadata must be specified.`);
  const key = optionalString(d.metadataKey, "metadataKey", where);
  if (!key) throw invalidArgument(`${where}: Developer metadata must always have a key specified.`);
  const value = optionalString(d.metadataValue, "metadataValue", where);
  if (!(VISIBILITIES as readonly string[]).includes(String(d.visibility)))
    throw invalidArgument(`${where}: Developer metadata must always have visibility specified.`);
  const location = d.location as Json | undefined;
  if (!location) throw invalidArgument(`${where}: Developer metadata must always have a location specified.`);
  if (location.spreadsheet !== true || location.sheetId !== undefined || location.dimensionRange !== undefined)
    throw invalidArgument(`${where}: the local Sheets server implements spreadsheet-level metadata only.`);
  const list = (s.developerMetadata ??= []);
  let id: number;
  if (d.metadataId === undefined || d.metadataId === null) id = newMetadataId(s);
  else {
    id = Number(d.metadataId);
    if (!Number.isInteger(id) || id <= 0) throw invalidArgument(`${where}: Metadata ID must be positive.`);
    if (list.some((m) => m.metadataId === id))
      throw invalidArgument(`${where}: Developer metadata with ID ${id} already exists.`);
  }
  const size = list.reduce((t, m) => t + m.metadataKey.length + (m.metadataValue?.length ?? 0), 0);
  if (size + key.length + (value?.length ?? 0) > MAX_CHARS_PER_LOCATION)
    throw invalidArgument(
      `${where}: Developer metadata at this location would exceed ${MAX_CHARS_PER_LOCATION} characters.`,
    );
  const entry: StoredDeveloperMetadata = {
    metadataId: id,
    metadataKey: key,
    ...(value === undefined ? {} : { metadataValue: value }),
    visibility: d.visibility as StoredDeveloperMetadata["visibility"],
    location: { locationType: "SPREADSHEET", spreadsheet: true },
    project: caller.project,
  };
  list.push(entry);
  return { createDeveloperMetadata: { developerMetadata: metadataResource(entry) } };
}

/** batchUpdate `deleteDeveloperMetadata`: removes what the filter selects among what the caller sees. */
export function deleteDeveloperMetadata(s: StoredSpreadsheet, body: Json, where: string, caller: Caller): Json {
  const doomed = visibleMetadata(s, caller).filter((m) => filterMatches(m, body.dataFilter, where));
  s.developerMetadata = (s.developerMetadata ?? []).filter((m) => !doomed.includes(m));
  return {
    deleteDeveloperMetadata: doomed.length ? { deletedDeveloperMetadata: doomed.map(metadataResource) } : {},
  };
}

/** spreadsheets.developerMetadata.search: entries matching any filter, each with the filters it matched. */
export function searchDeveloperMetadata(s: StoredSpreadsheet, body: Json, caller: Caller): Json {
  const filters = body.dataFilters;
  if (!Array.isArray(filters) || filters.length === 0)
    throw invalidArgument("Invalid dataFilters: at least one data filter must be specified.");
  const matched = visibleMetadata(s, caller).flatMap((m) => {
    const hits = filters.filter((f, i) => filterMatches(m, f, `Invalid dataFilters[${i}]`));
    return hits.length ? [{ developerMetadata: metadataResource(m), dataFilters: structuredClone(hits) }] : [];
  });
  return matched.length ? { matchedDeveloperMetadata: matched } : {};
}

/** spreadsheets.developerMetadata.get: 404 for an id the caller cannot see, as for one that does not exist. */
export function getDeveloperMetadata(s: StoredSpreadsheet, metadataId: number, caller: Caller): Json {
  const entry = visibleMetadata(s, caller).find((m) => m.metadataId === metadataId);
  if (!entry) throw notFound();
  return metadataResource(entry);
}
