import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCalibration } from '../../../shared/engines/calibration/run';
import { ACCORD_FILE_VERSION, parseAccordFile, serializeAccordFile } from '../../../shared/model/accord-file';
import { MappingSchema, parseMapping, type CalibrationMapping } from '../../../shared/model/calibration-mapping';
import { CalibrationResultSchema } from '../../../shared/model/calibration-result';
import { LibraryFileError, parseLibraryFile, serializeLibrary } from '../../../shared/model/library-file';
import { AgreementRecordSchema, CalibrationRecordSchema, ReviewRecordSchema, SessionRecordSchema, TemplateRecordSchema, type CalibrationRecord, type TemplateRecord } from '../../../shared/model/records';
import { FileVersionSchema, VersionRecordSchema, VersionSchema } from '../../../shared/model/versions';
import { findTemplate } from '../../../shared/templates/templates';
import { readyAgreement, signedVersionOf } from '../../fixtures/agreements';
import { sampleLibrary } from '../../fixtures/library';

const at = new Date('2026-11-23T10:00:00Z');
const meta = { exportedAt: at, appVersion: 'test' };

async function* chunksOf(text: string, size = 64 * 1024) {
  for (let index = 0; index < text.length; index += size) yield text.slice(index, index + size);
}

describe('one schema per database record (shared/model/records.ts)', () => {
  it('each record of a library round-trips through its schema unchanged', () => {
    const library = sampleLibrary();
    expect(library.agreements.map((record) => AgreementRecordSchema.parse(record))).toEqual(library.agreements);
    expect(library.templates.map((record) => TemplateRecordSchema.parse(record))).toEqual(library.templates);
    expect(library.calibrations.map((record) => CalibrationRecordSchema.parse(record))).toEqual(library.calibrations);
    expect(library.reviews.map((record) => ReviewRecordSchema.parse(record))).toEqual(library.reviews);
    expect(library.sessions.map((record) => SessionRecordSchema.parse(record))).toEqual(library.sessions);
    expect(library.versions.map((record) => VersionRecordSchema.parse(record))).toEqual(library.versions);
  });

  it('a template as the database stores it (TemplateRecord) is what the library file accepts and gives back', () => {
    // The type the database's templates table holds, built as agreement-repository.saveTemplate builds it.
    const template: TemplateRecord = { id: 'tpl-9', name: 'Mid-market, Q1 room', description: '', agreement: readyAgreement(), createdAt: 1_700_000_900_000 };
    const library = { ...sampleLibrary(), templates: [template] };
    const file = parseLibraryFile(serializeLibrary(library, meta).text);
    expect(file.templates).toEqual([template]);
    expect(() => parseLibraryFile(serializeLibrary({ ...library, templates: [{ ...template, name: '' }] }, meta).text)).not.toThrow();
    expect(serializeLibrary({ ...library, templates: [{ ...template, name: '' }] }, meta).leftOut).toEqual(['templates[0].name: A template needs a name.']);
  });

  it('a calibration result the engine computes from a German Excel export is stored and restored as it is, with no field the schema does not know', async () => {
    // German Excel: semicolons, a decimal comma in the score column, CRLF line ends, an umlaut in a value.
    const rows = [
      ['Branche', 'Demo', 'Score', 'Ergebnis'],
      ['Software', '1', '2,5', 'gewonnen'],
      ['Software', '2', '1,0', 'verloren'],
      ['Maschinenbau', '0', '0,5', 'gewonnen'],
      ['Software', '0', '3,25', 'verloren'],
      ['Großhandel', '1', '1,5', 'verloren'],
      ['Software', '3', '0,75', 'gewonnen'],
    ];
    const csv = `${rows.map((row) => row.join(';')).join('\r\n')}\r\n`;
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    agreement.icp = agreement.icp.filter((criterion) => criterion.id === 'icp-industry');
    agreement.engagement.signals = agreement.engagement.signals.filter((signal) => signal.key === 'demoRequest');
    agreement.engagement.fastTracks = [];
    const mapping: CalibrationMapping = parseMapping({ version: 1, attributes: { industry: { column: 'Branche' } }, signals: { demoRequest: { column: 'Demo' } }, outcome: { column: 'Ergebnis', success: ['gewonnen'], failure: ['verloren'] } });
    const result = await runCalibration({ agreement, mapping, chunks: chunksOf(csv, 11), asOf: '2026-11-23' });
    // Computed here from the rows: 6 leads, 3 won.
    const data = rows.slice(1);
    expect(result.rows).toBe(data.length);
    expect(result.positives).toBe(data.filter((row) => row[3] === 'gewonnen').length);
    // The engine's result type is the stored one: no cast, and the strict schema knows every field the engine wrote.
    expect(CalibrationResultSchema.parse(result)).toEqual(result);
    const stored: CalibrationRecord = { workshopId: 'w-acme', mapping, files: { leads: 'leads-de.csv', accounts: null }, result, ranAt: 1_700_000_500_000 };
    const library = { ...sampleLibrary(), calibrations: [stored] };
    const serialized = serializeLibrary(library, meta);
    expect(serialized.leftOut).toEqual([]);
    expect(parseLibraryFile(serialized.text).calibrations).toEqual([stored]);
  });

  it('library-file.ts imports nothing from shared/engines (the model sits below the engines)', () => {
    const source = readFileSync(join(__dirname, '../../../shared/model/library-file.ts'), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports.filter((path) => path!.includes('engines/'))).toEqual([]);
  });
});

describe('the mapping is read by a zod schema (MappingSchema), with the same sentences as before', () => {
  it('fills the defaults of the keys left out', () => {
    const parsed = MappingSchema.parse({ version: 1, outcome: { column: 'Stage', success: ['Won'] } });
    expect(parsed).toEqual({ version: 1, emptyValues: ['Select', 'N/A', '-'], attributes: {}, signals: {}, lastActivity: null, outcome: { column: 'Stage', success: ['Won'] }, date: null, accounts: null });
  });

  it.each([
    [{ version: 1, outcome: { column: ' ', success: ['Won'] } }, 'choose the outcome column.'],
    [{ version: 1, outcome: { column: 'Stage' } }, 'say which outcome values mean success.'],
    [{ version: 1, outcome: { column: 'Stage', file: { key: 'Id', fileKey: 'Lead Id' } } }, 'say which values of the outcome file’s column “Stage” mean success.'],
    [{ version: 1, outcome: { success: ['Won'], file: { key: 'Id', fileKey: 'Lead Id' } } }, /outcome\.success and outcome\.failure need outcome\.column/],
  ])('refuses an outcome that breaks its rules with the schema, at the outcome: %j', (mapping, message) => {
    const parsed = MappingSchema.safeParse(mapping);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['outcome']);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
    expect(() => parseMapping(mapping)).toThrow(typeof message === 'string' ? `The mapping is not valid: ${message}` : message);
  });
});

describe('one version schema for the .accord file and the library file', () => {
  it('both files read a version with the one VersionSchema', () => {
    const core = Object.keys(VersionSchema.shape).sort();
    expect(Object.keys(FileVersionSchema.shape).sort()).toEqual(core);
    expect(Object.keys(VersionRecordSchema.shape).sort()).toEqual([...core, 'id', 'workshopId'].sort());
  });

  it.each([
    ['a signing time of 41 characters', (version: Record<string, unknown>) => ((version.signatures as Record<string, unknown>[])[0]!.signedAt = `${'2026-11-23T10:00:00.000Z'}${' '.repeat(17)}`), 'The signing time is longer than 40 characters.'],
    ['a version number of 1e300', (version: Record<string, unknown>) => (version.number = 1e300), 'The version number must be'],
    ['a creation time of Infinity (JSON null)', (version: Record<string, unknown>) => (version.createdAt = null), 'Not a time (a finite number of milliseconds).'],
    ['a signature image that is not a PNG', (version: Record<string, unknown>) => ((version.signatures as Record<string, unknown>[])[0]!.image = 'data:image/svg+xml;base64,PHN2Zz4='), 'A signature image must be a PNG data URL.'],
  ])('refuses %s in both, with the same sentence', (_label, damage, sentence) => {
    const agreement = readyAgreement();
    const accordFile = JSON.parse(serializeAccordFile(agreement, at, [signedVersionOf(agreement)])) as { versions: Record<string, unknown>[] };
    damage(accordFile.versions[0]!);
    const accord = parseAccordFile(JSON.stringify(accordFile));
    expect(accord.ok).toBe(false);
    if (!accord.ok) expect(accord.message).toContain(sentence);

    const libraryFile = JSON.parse(serializeLibrary(sampleLibrary(), meta).text) as { versions: Record<string, unknown>[] };
    damage(libraryFile.versions[0]!);
    expect(() => parseLibraryFile(JSON.stringify(libraryFile))).toThrow(LibraryFileError);
    expect(() => parseLibraryFile(JSON.stringify(libraryFile))).toThrow(sentence);
  });
});

describe('the .accord envelope is read by a zod schema', () => {
  const agreement = readyAgreement();
  const envelope = () => JSON.parse(serializeAccordFile(agreement, at, [signedVersionOf(agreement)])) as Record<string, unknown>;

  it('reads the .accord-like attachment of a PDF, whose extra keys (version, history) it leaves aside', () => {
    const file = { ...envelope(), version: { number: 1, status: 'signed', history: [] } };
    const parsed = parseAccordFile(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.agreement).toEqual(agreement);
  });

  it('says what the file is before anything else: another format, then a newer file version, then the first damage', () => {
    expect(parseAccordFile(JSON.stringify({ format: 'accord-library', fileVersion: 'x', exportedAt: 'never' }))).toEqual({ ok: false, message: 'This is not an Accord file (format "accord-library").' });
    expect(parseAccordFile(JSON.stringify({ ...envelope(), exportedAt: 'never', fileVersion: 0 }))).toEqual({ ok: false, message: 'This Accord file has no valid fileVersion.' });
  });

  it('says a newer file is newer even when its other keys are damaged', () => {
    const file = { ...envelope(), fileVersion: ACCORD_FILE_VERSION + 1, exportedAt: 'someday', versions: 'many' };
    expect(parseAccordFile(JSON.stringify(file))).toEqual({ ok: false, message: `This file was written by a newer version of Accord (file version ${ACCORD_FILE_VERSION + 1}; this version reads up to ${ACCORD_FILE_VERSION}). Update Accord to open it.` });
  });

  it.each([
    ['no fileVersion', (file: Record<string, unknown>) => delete file.fileVersion, 'This Accord file has no valid fileVersion.'],
    ['a fileVersion of 1.5', (file: Record<string, unknown>) => (file.fileVersion = 1.5), 'This Accord file has no valid fileVersion.'],
    ['an export date that is not a date', (file: Record<string, unknown>) => (file.exportedAt = 'yesterday'), 'This Accord file is damaged: its export date (exportedAt) is not a date.'],
    ['versions that are not a list', (file: Record<string, unknown>) => (file.versions = { 1: {} }), 'This Accord file is damaged: its version history is not a list.'],
  ])('keeps its sentences: %s', (_label, damage, message) => {
    const file = envelope();
    damage(file);
    expect(parseAccordFile(JSON.stringify(file))).toEqual({ ok: false, message });
  });

  it('reads versions: null as no versions, as before', () => {
    const parsed = parseAccordFile(JSON.stringify({ ...envelope(), versions: null }));
    expect(parsed).toEqual({ ok: true, agreement, claimedVersions: [] });
  });
});
