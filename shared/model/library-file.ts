import type { Agreement } from './agreement';
import { blankAgreement } from './blank-agreement';
import { parseMapping, type CalibrationMapping } from './calibration-mapping';
import { contentHash, toNfc } from './canonical';
import { formatSize, MAX_LIBRARY_FILE_CHARS } from './limits';
import { parseAgreement } from './parse-agreement';
import {
  AgreementRecordSchema,
  CalibrationRecordSchema,
  ReviewRecordSchema,
  SessionRecordSchema,
  SettingRecordSchema,
  settingSchemas,
  TemplateRecordSchema,
  VersionRecordSchema,
  WorkshopRecordSchema,
  type AgreementRecord,
  type CalibrationRecord,
  type CheckedSettingRecord,
  type ReviewRecord,
  type SessionRecord,
  type TemplateRecord,
  type VersionRecord,
  type WorkshopRecord,
} from './records';
import { signatories } from './versions';
import { z } from './zod';

/**
 * The whole library as one file: every table of the database (workshops,
 * agreement drafts, versions with their signatures, templates, calibrations,
 * reviews, sessions, settings). Used for the automatic backups and for the
 * manual export and import. A file is checked completely before anything is
 * written: every record against its schema (the database's own, shared/model/records.ts), every reference to a workshop,
 * every id for duplicates, every signed version's hash and signatures (with
 * the same schemas and limits as the `.accord` import and the repositories,
 * shared/model/versions.ts), and the records against each other
 * (checkConsistency).
 */

/** What the `format` field of a library file says. */
export const LIBRARY_FILE_FORMAT = 'accord-library';

/**
 * The version of the library file this code writes (and the newest it reads; every older one is read too).
 * 2: a kept review holds its measured figures (`measured`), not the engine's sentence. An app that reads up to 1 would
 * refuse such a file for an unknown key; with 2 it says the file is newer and asks for an update.
 */
export const LIBRARY_FILE_VERSION = 2;

/** The database version whose tables the file holds; equal to the newest `db.version(n)` (a renderer test checks it). */
export const LIBRARY_DATABASE_VERSION = 7;

/** Most records one table of a library file may hold. */
export const MAX_LIBRARY_RECORDS = 100_000;

/** The tables of a library file, in the order they are written and checked (workshops first: the others refer to them). */
export const libraryTables = ['workshops', 'agreements', 'versions', 'templates', 'calibrations', 'reviews', 'sessions', 'settings'] as const;

/** A table of a library file. */
export type LibraryTable = (typeof libraryTables)[number];

/** Every record of the library, checked. */
export interface LibrarySnapshot {
  workshops: WorkshopRecord[];
  agreements: AgreementRecord[];
  versions: VersionRecord[];
  templates: TemplateRecord[];
  calibrations: CalibrationRecord[];
  reviews: ReviewRecord[];
  sessions: SessionRecord[];
  settings: CheckedSettingRecord[];
}

/** The library as read from the database, before any check. */
export type RawLibrarySnapshot = { readonly [T in LibraryTable]: readonly unknown[] };

/** How many records of each table a file holds (written at the top, so a list of backups can show it without reading the file). */
export type LibraryCounts = Record<LibraryTable, number>;

/** What the top of a library file says about it. */
export interface LibraryHeader {
  format: typeof LIBRARY_FILE_FORMAT;
  fileVersion: number;
  exportedAt: string;
  app: { name: string; version: string };
  databaseVersion: number;
  counts: LibraryCounts;
}

/** A library file, read and checked; `repairs` says what was put right between records (see checkConsistency). */
export type LibraryFile = LibraryHeader & LibrarySnapshot & { repairs: string[] };

/** Why a library file cannot be read, with where in the file the problem is (e.g. "workshops[3].title: …"). */
export class LibraryFileError extends Error {
  constructor(message: string) {
    // A message can quote the file (an unknown key); a hostile file must not make it a page long.
    super(message.length > 600 ? `${message.slice(0, 600)}…` : message);
    this.name = 'LibraryFileError';
  }
}

// ---------------------------------------------------------------- schemas

// The records' schemas are the database's (shared/model/records.ts); the file adds its header.
const text = (max: number) => z.string().check(z.maxLength(max, { error: `Longer than ${max.toLocaleString('en-US')} characters.` }));

const CountsSchema = z.strictObject(Object.fromEntries(libraryTables.map((table) => [table, z.int().check(z.nonnegative())])) as Record<LibraryTable, ReturnType<typeof z.int>>);

const HeaderSchema = z.strictObject({
  format: z.literal(LIBRARY_FILE_FORMAT),
  fileVersion: z.int().check(z.minimum(1)),
  exportedAt: z.string().check(z.maxLength(40), z.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'Not a date and time.' })),
  app: z.strictObject({ name: text(100), version: text(100) }),
  databaseVersion: z.int().check(z.minimum(1)),
  counts: CountsSchema,
});

// ---------------------------------------------------------------- checking records

/** `workshops[3].title`: a zod path in the notation people read. */
function pathText(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((where, segment) => (typeof segment === 'number' ? `${where}[${segment}]` : `${where}.${String(segment)}`), base);
}

function check<T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } }, data: unknown, where: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new LibraryFileError(`${pathText(where, issue?.path ?? [])}: ${issue?.message ?? 'not valid.'}`);
}

function agreementAt(data: unknown, where: string): Agreement {
  const parsed = parseAgreement(data);
  if (!parsed.ok) throw new LibraryFileError(`${where}: ${parsed.message}`);
  return parsed.agreement;
}

/**
 * Re-checks a version with the schema the `.accord` import and the repositories use: content against its hash, every
 * signature against it, every signatory present once signed. Readiness is not re-checked here (an `.accord` import
 * does): a version signed on this computer stays in its backups even if a later Accord judges readiness otherwise.
 */
function checkVersion(raw: unknown, where: string): VersionRecord {
  const version = check(VersionRecordSchema, raw, where);
  if (version.id !== `${version.workshopId}:${version.number}`) throw new LibraryFileError(`${where}.id: must be "${version.workshopId}:${version.number}" (the workshop id and the version number).`);
  const agreement = agreementAt(version.agreement, `${where}.agreement`);
  const label = `${where} (version ${version.number})`;
  if (contentHash(agreement) !== version.contentHash) throw new LibraryFileError(`${label} does not match the hash it was signed with: its content was changed after it was locked.`);
  version.signatures.forEach((signature, index) => {
    if (signature.contentHash !== version.contentHash) throw new LibraryFileError(`${where}.signatures[${index}] (${signature.name}) was given for other content than the version’s.`);
  });
  if (version.status === 'signed') {
    if (version.signatures.length === 0) throw new LibraryFileError(`${label} is marked signed but has no signatures.`);
    const missing = signatories(agreement).filter((person) => !version.signatures.some((signature) => signature.participantId === person.id));
    if (missing.length > 0) throw new LibraryFileError(`${label} is marked signed but ${missing.map((person) => person.name).join(', ')} did not sign it.`);
    if (version.lockedAt === null) throw new LibraryFileError(`${where}.lockedAt: a signed version has the time it was locked.`);
  } else if (version.lockedAt !== null) {
    throw new LibraryFileError(`${where}.lockedAt: a version still being signed is not locked yet.`);
  }
  return { ...version, agreement };
}

/** The longest text (string or key) anywhere in a JSON value; without recursion, so no nesting depth can overflow the stack. */
function longestText(value: unknown): number {
  let longest = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') longest = Math.max(longest, next.length);
    else if (Array.isArray(next)) for (const entry of next) pending.push(entry);
    else if (typeof next === 'object' && next !== null) {
      for (const [key, entry] of Object.entries(next)) {
        longest = Math.max(longest, key.length);
        pending.push(entry);
      }
    }
  }
  return longest;
}

/** A mapping names columns and values of a CSV export: no text in it is longer than this. */
const MAX_MAPPING_TEXT = 1000;

function checkCalibration(raw: unknown, where: string): CalibrationRecord {
  const record = check(CalibrationRecordSchema, raw, where);
  if (longestText(record.mapping) > MAX_MAPPING_TEXT) throw new LibraryFileError(`${where}.mapping: a column name or value is longer than ${MAX_MAPPING_TEXT.toLocaleString('en-US')} characters.`);
  let mapping: CalibrationMapping;
  try {
    mapping = parseMapping(record.mapping);
  } catch (error) {
    throw new LibraryFileError(`${where}.mapping: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ...record, mapping };
}

function checkSetting(raw: unknown, where: string): CheckedSettingRecord {
  const record = check(SettingRecordSchema, raw, where);
  return { key: record.key, value: check(settingSchemas[record.key], record.value, `${where}.value`) };
}

/** How each table's records are checked, keyed and tied to a workshop. */
const tableRules: { [T in LibraryTable]: { check(raw: unknown, where: string): LibrarySnapshot[T][number]; key(record: LibrarySnapshot[T][number]): string; keyName: string; workshopId?(record: LibrarySnapshot[T][number]): string } } = {
  workshops: { check: (raw, where) => check(WorkshopRecordSchema, raw, where), key: (record) => record.id, keyName: 'id' },
  agreements: {
    check: (raw, where) => {
      const record = check(AgreementRecordSchema, raw, where);
      return { ...record, agreement: agreementAt(record.agreement, `${where}.agreement`) };
    },
    key: (record) => record.workshopId,
    keyName: 'workshopId',
    workshopId: (record) => record.workshopId,
  },
  versions: { check: checkVersion, key: (record) => record.id, keyName: 'id', workshopId: (record) => record.workshopId },
  templates: {
    check: (raw, where) => {
      const record = check(TemplateRecordSchema, raw, where);
      return { ...record, agreement: agreementAt(record.agreement, `${where}.agreement`) };
    },
    key: (record) => record.id,
    keyName: 'id',
  },
  calibrations: { check: checkCalibration, key: (record) => record.workshopId, keyName: 'workshopId', workshopId: (record) => record.workshopId },
  reviews: { check: (raw, where) => check(ReviewRecordSchema, raw, where), key: (record) => record.id, keyName: 'id', workshopId: (record) => record.workshopId },
  sessions: { check: (raw, where) => check(SessionRecordSchema, raw, where), key: (record) => record.workshopId, keyName: 'workshopId', workshopId: (record) => record.workshopId },
  settings: { check: checkSetting, key: (record) => record.key, keyName: 'key' },
};

/**
 * Checks every table. `strict`: the first problem throws (an import).
 * Otherwise a record with a problem is left out and described in `leftOut`
 * (a backup of a database holding a damaged record still backs up the rest).
 */
function checkTables(tables: RawLibrarySnapshot, strict: boolean): { snapshot: LibrarySnapshot; leftOut: string[] } {
  const snapshot = Object.fromEntries(libraryTables.map((table) => [table, []])) as unknown as LibrarySnapshot;
  const leftOut: string[] = [];
  const workshopTitles = new Map<string, string>();
  for (const table of libraryTables) {
    const rules = tableRules[table] as (typeof tableRules)['workshops'];
    const records = tables[table];
    const kept = snapshot[table] as unknown[];
    const seen = new Set<string>();
    records.forEach((raw, index) => {
      const where = `${table}[${index}]`;
      try {
        const record = rules.check(raw, where);
        const key = rules.key(record);
        if (seen.has(key)) throw new LibraryFileError(`${where}.${rules.keyName}: "${key}" appears twice in ${table}.`);
        const owner = (rules as { workshopId?(record: unknown): string }).workshopId?.(record);
        if (owner !== undefined && !workshopTitles.has(owner)) throw new LibraryFileError(`${where}.workshopId: there is no workshop "${owner}" in the file.`);
        seen.add(key);
        if (table === 'workshops') workshopTitles.set(key, record.title);
        kept.push(record);
      } catch (error) {
        if (strict || !(error instanceof LibraryFileError)) throw error;
        leftOut.push(error.message);
      }
    });
  }
  return { snapshot, leftOut };
}

/**
 * Checks the records against each other, after each was checked alone. Each
 * case is decided once (docs/decisions.md, "Data and backups"):
 * - a workshop with no agreement draft: repaired, with a draft made from its
 *   newest version's content (or a blank one with its title and client), so
 *   its signed versions can be opened again; nothing is invented that was signed;
 * - a workshop's status is what its versions say: "signing" with no version
 *   being signed, "signed" or "amended" with no signed version, "draft" with
 *   signed versions: repaired to the status its versions give;
 * - more than one version being signed, or one being signed that is not the
 *   newest: refused (which one is real cannot be told).
 * Returns what was repaired, one message each; throws LibraryFileError on a refusal.
 */
function checkConsistency(snapshot: LibrarySnapshot): string[] {
  const repairs: string[] = [];
  const drafts = new Set(snapshot.agreements.map((record) => record.workshopId));
  const versionsOf = new Map<string, VersionRecord[]>();
  for (const version of snapshot.versions) versionsOf.set(version.workshopId, [...(versionsOf.get(version.workshopId) ?? []), version]);
  snapshot.workshops = snapshot.workshops.map((workshop, index) => {
    const where = `workshops[${index}] (“${workshop.title}”)`;
    const versions = (versionsOf.get(workshop.id) ?? []).sort((a, b) => a.number - b.number);
    const signing = versions.filter((version) => version.status === 'signing');
    if (signing.length > 1) throw new LibraryFileError(`${where}: versions ${signing.map((version) => version.number).join(' and ')} are both being signed; only one can be. The file was not imported.`);
    if (signing.length === 1 && signing[0] !== versions.at(-1)) throw new LibraryFileError(`${where}: version ${signing[0]!.number} is being signed but a newer version exists. The file was not imported.`);
    if (!drafts.has(workshop.id)) {
      const newest = versions.at(-1);
      const agreement = newest ? newest.agreement : blankAgreement(workshop.title, workshop.client);
      snapshot.agreements.push({ workshopId: workshop.id, agreement, updatedAt: workshop.updatedAt });
      repairs.push(`${where} had no agreement draft: ${newest ? `its draft is now version ${newest.number}'s content` : 'a blank draft was made'}.`);
    }
    const signed = versions.some((version) => version.status === 'signed');
    const status = signing.length === 1 ? 'signing' : signed ? (workshop.status === 'signed' || workshop.status === 'amended' ? workshop.status : 'amended') : 'draft';
    if (status === workshop.status) return workshop;
    const why = workshop.status === 'signing' ? 'no version is being signed' : workshop.status === 'draft' ? (signing.length === 1 ? 'a version is being signed' : 'it has signed versions') : status === 'signing' ? 'a version is being signed' : 'no version of it is signed';
    repairs.push(`${where} was marked “${workshop.status}” but ${why}: it is now “${status}”.`);
    return { ...workshop, status };
  });
  return repairs;
}

// ---------------------------------------------------------------- writing

/** What serializing the library gave: the file's text, what it holds, and any damaged record left out. */
export interface SerializedLibrary {
  text: string;
  counts: LibraryCounts;
  /** Records that failed the import checks (damaged or tampered in the database), so were not written; each with why. */
  leftOut: string[];
  /** What was put right between records so the file imports (checkConsistency), each with why. */
  repairs: string[];
}

/**
 * The text of a library file for a snapshot of the database. Every record is
 * checked as an import will check it, so the file always imports; a record
 * that fails (a signed version whose content no longer matches its hash, a
 * damaged setting) is left out and listed in `leftOut`. The header comes
 * first and each record is one line, so a list of backups can read the counts
 * from the first bytes, and the file stays readable.
 */
export function serializeLibrary(raw: RawLibrarySnapshot, meta: { exportedAt: Date; appVersion: string; databaseVersion?: number }): SerializedLibrary {
  const { snapshot, leftOut } = checkTables(raw, false);
  let repairs: string[];
  try {
    repairs = checkConsistency(snapshot);
  } catch (error) {
    if (!(error instanceof LibraryFileError)) throw error;
    // Two versions being signed at once: the workshop's versions still being signed are left out, so the rest backs up and restores.
    leftOut.push(error.message);
    snapshot.versions = snapshot.versions.filter((version) => version.status === 'signed');
    repairs = checkConsistency(snapshot);
  }
  const counts = Object.fromEntries(libraryTables.map((table) => [table, snapshot[table].length])) as LibraryCounts;
  const header: LibraryHeader = {
    format: LIBRARY_FILE_FORMAT,
    fileVersion: LIBRARY_FILE_VERSION,
    exportedAt: meta.exportedAt.toISOString(),
    app: { name: 'Accord', version: meta.appVersion.slice(0, 100) },
    databaseVersion: meta.databaseVersion ?? LIBRARY_DATABASE_VERSION,
    counts,
  };
  const head = JSON.stringify(header).slice(0, -1);
  const body = libraryTables.map((table) => `${JSON.stringify(table)}:[${snapshot[table].length === 0 ? '' : `\n${snapshot[table].map((record) => JSON.stringify(record)).join(',\n')}\n`}]`);
  return { text: `${head},\n${body.join(',\n')}}\n`, counts, leftOut, repairs };
}

// ---------------------------------------------------------------- reading

/**
 * Reads a library file and checks all of it; throws LibraryFileError saying
 * what is wrong and where. Nothing is half-read: either the whole library
 * comes back, or the error.
 */
export function parseLibraryFile(text: string): LibraryFile {
  if (typeof text !== 'string') throw new LibraryFileError('The file is not text.');
  if (text.length > MAX_LIBRARY_FILE_CHARS) throw new LibraryFileError(`The file is larger than ${formatSize(MAX_LIBRARY_FILE_CHARS)}; it is not an Accord library.`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new LibraryFileError('The file is empty.');
  let data: unknown;
  try {
    // In NFC: what is stored is what the seals and hashes cover (see toNfc).
    data = toNfc(JSON.parse(body));
  } catch (error) {
    throw new LibraryFileError(`The file is not valid JSON (${error instanceof Error ? error.message : String(error)}); it may be truncated or not an Accord library.`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new LibraryFileError('This is not an Accord library: expected a JSON object.');
  const file = data as Record<string, unknown>;
  if (file.format === 'accord') throw new LibraryFileError('This is one agreement (an .accord file), not a whole library: import it with “Import…” on the workshop library.');
  if (file.format !== LIBRARY_FILE_FORMAT) {
    const format = typeof file.format === 'string' ? JSON.stringify(file.format.slice(0, 60)) : file.format === undefined ? 'missing' : typeof file.format;
    throw new LibraryFileError(`This is not an Accord library (format ${format}).`);
  }
  if (typeof file.fileVersion === 'number' && file.fileVersion > LIBRARY_FILE_VERSION) {
    throw new LibraryFileError(`This library was written by a newer version of Accord (file version ${file.fileVersion}; this version reads up to ${LIBRARY_FILE_VERSION}). Update Accord to import it.`);
  }
  if (typeof file.databaseVersion === 'number' && file.databaseVersion > LIBRARY_DATABASE_VERSION) {
    throw new LibraryFileError(`This library comes from a newer version of Accord (database version ${file.databaseVersion}; this version reads up to ${LIBRARY_DATABASE_VERSION}). Update Accord to import it.`);
  }
  const headerFields = ['format', 'fileVersion', 'exportedAt', 'app', 'databaseVersion', 'counts'] as const;
  const unknown = Object.keys(file).find((key) => !(headerFields as readonly string[]).includes(key) && !(libraryTables as readonly string[]).includes(key));
  if (unknown !== undefined) throw new LibraryFileError(`${JSON.stringify(unknown).slice(0, 80)}: not part of an Accord library file.`);
  const header = check(HeaderSchema, Object.fromEntries(headerFields.map((key) => [key, file[key]])), 'header') as LibraryHeader;
  const tables = {} as Record<LibraryTable, unknown[]>;
  for (const table of libraryTables) {
    const records = file[table];
    if (!Array.isArray(records)) throw new LibraryFileError(`${table}: ${records === undefined ? 'missing' : 'must be a list'}.`);
    if (records.length > MAX_LIBRARY_RECORDS) throw new LibraryFileError(`${table}: more than ${MAX_LIBRARY_RECORDS.toLocaleString('en-US')} records.`);
    if (records.length !== header.counts[table]) throw new LibraryFileError(`${table}: the file says it holds ${header.counts[table]} but it holds ${records.length}; it may be damaged.`);
    tables[table] = records;
  }
  const { snapshot } = checkTables(tables, true);
  const repairs = checkConsistency(snapshot);
  const counts = Object.fromEntries(libraryTables.map((table) => [table, snapshot[table].length])) as LibraryCounts;
  return { ...header, counts, ...snapshot, repairs };
}

/**
 * Reads the header from the first bytes of a file this code wrote (the list
 * of backups shows counts without reading whole files); null when the start
 * is not a library file's header.
 */
export function readLibraryHeader(start: string): LibraryHeader | null {
  const end = start.indexOf('},\n');
  if (!start.startsWith(`{"format":"${LIBRARY_FILE_FORMAT}"`) || end < 0) return null;
  let data: unknown;
  try {
    data = JSON.parse(`${start.slice(0, end + 1)}}`);
  } catch {
    return null;
  }
  const parsed = HeaderSchema.safeParse(data);
  return parsed.success ? (parsed.data as LibraryHeader) : null;
}
