import { describe, expect, it } from 'vitest';
import { serializeAccordFile } from '../../../shared/model/accord-file';
import { LIBRARY_DATABASE_VERSION, LIBRARY_FILE_VERSION, LibraryFileError, parseLibraryFile, readLibraryHeader, serializeLibrary, type LibrarySnapshot } from '../../../shared/model/library-file';
import { MAX_LIBRARY_FILE_CHARS } from '../../../shared/model/limits';
import { readyAgreement } from '../../fixtures/agreements';
import { sampleLibrary } from '../../fixtures/library';

const meta = { exportedAt: new Date('2026-11-23T10:00:00Z'), appVersion: '1.2.3' };

type Mutable = Record<string, unknown> & { [table: string]: unknown };
type RecordOf = Record<string, unknown>;

/** A valid library file, changed by `change` (on the parsed JSON). */
function fileWith(change: (file: Mutable) => void): string {
  const file = JSON.parse(serializeLibrary(sampleLibrary(), meta).text) as Mutable;
  change(file);
  return JSON.stringify(file);
}
const records = (file: Mutable, table: string) => file[table] as RecordOf[];

function refusal(text: string): string {
  try {
    parseLibraryFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(LibraryFileError);
    return (error as Error).message;
  }
  throw new Error('The file was accepted.');
}

describe('library file', () => {
  it('round-trips every table', () => {
    const library = sampleLibrary();
    const { text, counts, leftOut } = serializeLibrary(library, meta);
    expect(leftOut).toEqual([]);
    expect(counts).toEqual({ workshops: 2, agreements: 2, versions: 2, templates: 1, calibrations: 1, reviews: 1, sessions: 1, settings: 1 });
    const parsed = parseLibraryFile(text);
    const { format, fileVersion, exportedAt, app, databaseVersion, counts: parsedCounts, repairs, ...snapshot } = parsed;
    expect(repairs).toEqual([]);
    expect({ format, fileVersion, exportedAt, app, databaseVersion, counts: parsedCounts }).toEqual({ format: 'accord-library', fileVersion: LIBRARY_FILE_VERSION, exportedAt: '2026-11-23T10:00:00.000Z', app: { name: 'Accord', version: '1.2.3' }, databaseVersion: LIBRARY_DATABASE_VERSION, counts });
    expect(snapshot).toEqual(library);
    // Serializing what was read gives the same file.
    expect(serializeLibrary(snapshot, meta).text).toBe(text);
  });

  it('keeps an archived workshop archived through a backup (archivedAt), and refuses a malformed one', () => {
    const library = sampleLibrary();
    const archived: LibrarySnapshot = { ...library, workshops: library.workshops.map((workshop, index) => (index === 0 ? { ...workshop, archivedAt: 1_764_000_000_000 } : workshop)) };
    const parsed = parseLibraryFile(serializeLibrary(archived, meta).text);
    expect(parsed.workshops.map((workshop) => workshop.archivedAt)).toEqual([1_764_000_000_000, undefined]);
    expect(refusal(fileWith((file) => void (records(file, 'workshops')[0]!.archivedAt = 'yesterday')))).toMatch(/workshops\[0\]\.archivedAt/);
  });

  it('writes the header first, so the counts can be read from the first bytes', () => {
    const { text } = serializeLibrary(sampleLibrary(), meta);
    expect(text.indexOf('"workshops":[')).toBeLessThan(600);
    expect(readLibraryHeader(text.slice(0, 4096))).toMatchObject({ format: 'accord-library', counts: { workshops: 2, versions: 2 } });
    expect(readLibraryHeader('{"format":"accord"}')).toBeNull();
    expect(readLibraryHeader('not json at all')).toBeNull();
  });

  it('writes file version 2 (reviews hold measured figures) and still reads a version 1 file, as backups made before were', () => {
    const written = serializeLibrary(sampleLibrary(), { exportedAt: new Date('2026-11-23T10:00:00Z'), appVersion: '1.2.3' }).text;
    expect((JSON.parse(written) as { fileVersion: number }).fileVersion).toBe(2);
    const versionOne = written.replace('"fileVersion":2', '"fileVersion":1');
    expect(versionOne).not.toBe(written);
    expect(parseLibraryFile(versionOne).counts).toEqual(parseLibraryFile(written).counts);
  });

  it('reads an empty library, and a file with a byte-order mark', () => {
    const empty: LibrarySnapshot = { workshops: [], agreements: [], versions: [], templates: [], calibrations: [], reviews: [], sessions: [], settings: [] };
    const { text } = serializeLibrary(empty, meta);
    expect(parseLibraryFile(`\ufeff${text}`)).toMatchObject(empty);
  });

  it('leaves a damaged or tampered record out of a backup, says which, and the file still imports', () => {
    const library = sampleLibrary();
    const tampered = structuredClone(library.versions[0]!);
    tampered.agreement.workshop.client = 'Evil Corp';
    const raw = {
      ...library,
      versions: [tampered, library.versions[1]!],
      calibrations: [...library.calibrations, { ...library.calibrations[0]!, workshopId: 'gone' }],
      settings: [{ key: 'branding', value: { name: 'X', accent: '#ffff00' } }],
    };
    const { text, counts, leftOut } = serializeLibrary(raw, meta);
    expect(leftOut).toEqual([
      'versions[0] (version 1) does not match the hash it was signed with: its content was changed after it was locked.',
      'calibrations[1].workshopId: there is no workshop "gone" in the file.',
      'settings[0].value.accent: The accent colour is too light to read on a white page.',
    ]);
    expect(counts).toMatchObject({ versions: 1, calibrations: 1, settings: 0 });
    expect(parseLibraryFile(text).versions.map((version) => version.number)).toEqual([2]);
  });

  it.each([
    ['an empty file', '', 'The file is empty.'],
    ['text that is not JSON', 'hello', /^The file is not valid JSON \(.+\); it may be truncated or not an Accord library\.$/],
    ['a truncated file', serializeLibrary(sampleLibrary(), meta).text.slice(0, 5000), /^The file is not valid JSON/],
    ['a list', '[1,2]', 'This is not an Accord library: expected a JSON object.'],
    ['an .accord file', serializeAccordFile(readyAgreement(), meta.exportedAt), 'This is one agreement (an .accord file), not a whole library: import it with “Import…” on the workshop library.'],
    ['another format', '{"format":"docx"}', 'This is not an Accord library (format "docx").'],
    ['a newer file version', fileWith((file) => (file.fileVersion = LIBRARY_FILE_VERSION + 1)), `This library was written by a newer version of Accord (file version ${LIBRARY_FILE_VERSION + 1}; this version reads up to ${LIBRARY_FILE_VERSION}). Update Accord to import it.`],
    ['a newer database', fileWith((file) => (file.databaseVersion = LIBRARY_DATABASE_VERSION + 1)), `This library comes from a newer version of Accord (database version ${LIBRARY_DATABASE_VERSION + 1}; this version reads up to ${LIBRARY_DATABASE_VERSION}). Update Accord to import it.`],
    ['an unknown field', fileWith((file) => (file.extra = 1)), '"extra": not part of an Accord library file.'],
    ['a missing table', fileWith((file) => delete file.reviews), 'reviews: missing.'],
    ['a table that is not a list', fileWith((file) => (file.sessions = {})), 'sessions: must be a list.'],
    ['counts that do not match', fileWith((file) => records(file, 'workshops').pop()), 'workshops: the file says it holds 2 but it holds 1; it may be damaged.'],
    ['a bad export date', fileWith((file) => (file.exportedAt = 'yesterday')), 'header.exportedAt: Not a date and time.'],
    ['an empty title', fileWith((file) => (records(file, 'workshops')[1]!.title = '  ')), 'workshops[1].title: Give the workshop a title; it cannot be empty.'],
    ['a wrong type', fileWith((file) => (records(file, 'workshops')[0]!.createdAt = '2026')), /^workshops\[0\]\.createdAt: Invalid input: expected number, received string$/],
    ['an extra field on a record', fileWith((file) => (records(file, 'reviews')[0]!.leadIds = ['L1'])), /^reviews\[0\]: Unrecognized key: "leadIds"$/],
    ['an id that is a path', fileWith((file) => (records(file, 'templates')[0]!.id = '../x')), 'templates[0].id: The id must be 1 to 64 letters, digits or "-" (as the app makes them).'],
    ['a duplicate workshop', fileWith((file) => (records(file, 'workshops')[1]!.id = 'w-acme')), 'workshops[1].id: "w-acme" appears twice in workshops.'],
    ['an agreement of no workshop', fileWith((file) => (records(file, 'agreements')[1]!.workshopId = 'w-gone')), 'agreements[1].workshopId: there is no workshop "w-gone" in the file.'],
    ['a damaged agreement', fileWith((file) => ((records(file, 'agreements')[0]!.agreement as RecordOf).stages = 'none')), /^agreements\[0\]\.agreement: This agreement is damaged or incomplete: stages: /],
    ['a version with another id', fileWith((file) => (records(file, 'versions')[0]!.id = 'w-acme:7')), 'versions[0].id: must be "w-acme:1" (the workshop id and the version number).'],
    ['a signed version changed after signing', fileWith((file) => (((records(file, 'versions')[0]!.agreement as RecordOf).workshop as RecordOf).client = 'Evil Corp')), 'versions[0] (version 1) does not match the hash it was signed with: its content was changed after it was locked.'],
    ['a tampered hash', fileWith((file) => (records(file, 'versions')[0]!.contentHash = 'a'.repeat(64))), 'versions[0] (version 1) does not match the hash it was signed with: its content was changed after it was locked.'],
    ['a signature for other content', fileWith((file) => ((records(file, 'versions')[0]!.signatures as RecordOf[])[1]!.contentHash = 'b'.repeat(64))), 'versions[0].signatures[1] (Person 2) was given for other content than the version’s.'],
    ['a signature missing', fileWith((file) => (records(file, 'versions')[0]!.signatures as unknown[]).pop()), 'versions[0] (version 1) is marked signed but Person 2 did not sign it.'],
    ['a version being signed that claims a lock', fileWith((file) => (records(file, 'versions')[1]!.lockedAt = 5)), 'versions[1].lockedAt: a version still being signed is not locked yet.'],
    ['a calibration with a broken mapping', fileWith((file) => ((records(file, 'calibrations')[0]!.mapping as RecordOf).version = 9)), 'calibrations[0].mapping: The mapping is not valid: unknown version 9 (this Accord reads version 1).'],
    ['an unknown setting', fileWith((file) => (records(file, 'settings')[0]!.key = 'telemetry')), /^settings\[0\]\.key: Unknown setting \(known: branding\)\.$/],
    ['a logo that is not an image', fileWith((file) => ((records(file, 'settings')[0]!.value as RecordOf).logoDataUrl = 'javascript:alert(1)')), 'settings[0].value.logoDataUrl: The logo must be a PNG, JPEG or SVG data URL.'],
    ['a huge title', fileWith((file) => (records(file, 'workshops')[0]!.title = 'x'.repeat(100_000))), 'workshops[0].title: Keep the title under 121 characters.'],
  ])('refuses %s, saying what and where', (_label, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('refuses a file over 200 MB before reading it', () => {
    expect(refusal(' '.repeat(MAX_LIBRARY_FILE_CHARS + 1))).toBe('The file is larger than 200 MB; it is not an Accord library.');
  });
});

describe('library file: records checked against each other', () => {
  const library = () => sampleLibrary();

  it.each([
    ['a workshop "signing" with no version being signed', (raw: ReturnType<typeof sampleLibrary>) => {
      raw.versions = raw.versions.filter((version) => version.status !== 'signing');
      raw.workshops[0]!.status = 'signing';
    }, (raw: ReturnType<typeof sampleLibrary>) => `workshops[0] (“${raw.workshops[0]!.title}”) was marked “signing” but no version is being signed: it is now “${raw.versions.some((version) => version.workshopId === raw.workshops[0]!.id && version.status === 'signed') ? 'amended' : 'draft'}”.`],
    ['a workshop "signed" with no versions', (raw: ReturnType<typeof sampleLibrary>) => {
      raw.versions = raw.versions.filter((version) => version.workshopId !== raw.workshops[0]!.id);
      raw.workshops[0]!.status = 'signed';
    }, (raw: ReturnType<typeof sampleLibrary>) => `workshops[0] (“${raw.workshops[0]!.title}”) was marked “signed” but no version of it is signed: it is now “draft”.`],
    ['a workshop with no agreement record', (raw: ReturnType<typeof sampleLibrary>) => {
      raw.agreements = raw.agreements.filter((record) => record.workshopId !== raw.workshops[0]!.id);
    }, (raw: ReturnType<typeof sampleLibrary>) => {
      const newest = raw.versions.filter((version) => version.workshopId === raw.workshops[0]!.id).sort((a, b) => b.number - a.number)[0];
      return `workshops[0] (“${raw.workshops[0]!.title}”) had no agreement draft: ${newest ? `its draft is now version ${newest.number}'s content` : 'a blank draft was made'}.`;
    }],
  ])('repairs %s, with a message, in a restore and in every backup', (_label, damage, message) => {
    const raw = library();
    damage(raw);
    const expected = message(raw);
    const backup = serializeLibrary(raw, meta);
    expect(backup.repairs).toEqual([expected]);
    expect(backup.leftOut).toEqual([]);
    // The backup holds the repaired records: it restores as it is, with nothing more to repair.
    const parsed = parseLibraryFile(backup.text);
    expect(parsed.repairs).toEqual([]);
    expect(parsed.agreements).toHaveLength(parsed.workshops.length);
  });

  it('a restore of a hand-made file with a workshop "signing" and no version being signed is repaired and says so', () => {
    const text = fileWith((file) => {
      file.versions = records(file, 'versions').filter((version) => version.status !== 'signing');
      (file.counts as Record<string, number>).versions = (file.versions as unknown[]).length;
      records(file, 'workshops')[0]!.status = 'signing';
    });
    const parsed = parseLibraryFile(text);
    expect(parsed.repairs).toHaveLength(1);
    expect(parsed.repairs[0]).toMatch(/^workshops\[0\] \(“.+”\) was marked “signing” but no version is being signed: it is now “(draft|amended|signed)”\.$/);
    expect(parsed.workshops[0]!.status).not.toBe('signing');
  });

  it('a restore of a file whose workshop has no agreement record gets a draft, and says so', () => {
    const text = fileWith((file) => {
      const id = records(file, 'workshops')[0]!.id;
      file.agreements = records(file, 'agreements').filter((record) => record.workshopId !== id);
      (file.counts as Record<string, number>).agreements = (file.agreements as unknown[]).length;
    });
    const parsed = parseLibraryFile(text);
    expect(parsed.repairs[0]).toMatch(/had no agreement draft: /);
    expect(parsed.agreements.map((record) => record.workshopId).sort()).toEqual(parsed.workshops.map((workshop) => workshop.id).sort());
    expect(parsed.counts.agreements).toBe(parsed.agreements.length);
  });

  it('refuses two versions being signed at once: which is real cannot be told', () => {
    const text = fileWith((file) => {
      const versions = records(file, 'versions');
      const first = versions[0]!;
      const workshopId = first.workshopId as string;
      const signing = (number: number) => ({ ...first, id: `${workshopId}:${number}`, number, status: 'signing', signatures: [], lockedAt: null });
      // Version 2 of the sample is being signed already.
      file.versions = [...versions, signing(3)];
      (file.counts as Record<string, number>).versions = (file.versions as unknown[]).length;
    });
    expect(refusal(text)).toMatch(/^workshops\[\d\] \(“.+”\): versions 2 and 3 are both being signed; only one can be\. The file was not imported\.$/);
  });
});
