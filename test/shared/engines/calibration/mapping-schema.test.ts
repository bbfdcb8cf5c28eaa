import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CalibrationMappingSchema, MappingError, parseMapping } from '../../../../shared/engines/calibration/mapping';
import { z } from '../../../../shared/model/zod';

const fixtures = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'calibration');
const valid = { version: 1, outcome: { column: 'Converted', success: ['1'] } };

describe('calibration mapping files are checked', () => {
  it.each([
    ['a typo at the top', { ...valid, dateColumn: { column: 'Created' } }, 'The mapping is not valid: unknown key “dateColumn” in the mapping (known keys: version, emptyValues, attributes, signals, lastActivity, outcome, date, accounts, asOf, numbers).'],
    ['a typo in the outcome', { version: 1, outcome: { column: 'Converted', success: ['1'], wonAt: 'Close Date' } }, 'The mapping is not valid: unknown key “wonAt” in outcome (known keys: column, success, failure, file).'],
    ['a typo in the outcome file', { version: 1, outcome: { file: { key: 'Prospect ID', fileKey: 'Lead', wonAt: 'Won on' } } }, 'The mapping is not valid: unknown key “wonAt” in outcome.file (known keys: key, fileKey, date).'],
    ['a typo in an attribute (reported before the column it hides)', { ...valid, attributes: { industry: { colum: 'Branche' } } }, 'The mapping is not valid: unknown key “colum” in attribute “industry” (known keys: column, values).'],
    ['two typos in a signal', { ...valid, signals: { demo: { column: 'Demo', equal: ['yes'], count: 1 } } }, 'The mapping is not valid: unknown keys “equal”, “count” in signal “demo” (known keys: column, equals).'],
  ])('refuses %s, naming the key and the known ones', (_label, data, message) => {
    expect(() => parseMapping(data)).toThrow(MappingError);
    expect(() => parseMapping(data)).toThrow(message);
  });

  it.each([
    ['an attribute without a column', { ...valid, attributes: { industry: { column: ' ' } } }, 'The mapping is not valid: attribute “industry” needs a column.'],
    ['a signal whose equals is not a list', { ...valid, signals: { demo: { column: 'Demo', equals: 'yes' } } }, 'The mapping is not valid: signal “demo”: equals must be a list of texts.'],
    ['no outcome', { version: 1 }, 'The mapping is not valid: choose the outcome column.'],
    ['an outcome file without its key', { version: 1, outcome: { file: { key: 'Prospect ID' } } }, 'The mapping is not valid: outcome.file.fileKey must name the outcome file’s column holding the same key.'],
    ['success values without the outcome file’s column', { version: 1, outcome: { success: ['Won'], file: { key: 'Prospect ID', fileKey: 'Lead' } } }, 'The mapping is not valid: outcome.success and outcome.failure need outcome.column'],
    ['an outcome file’s column without success values', { version: 1, outcome: { column: 'Stage', file: { key: 'Prospect ID', fileKey: 'Lead' } } }, 'The mapping is not valid: say which values of the outcome file’s column “Stage” mean success.'],
    ['a date that is not a date', { ...valid, asOf: '23.11.2026' }, 'The mapping is not valid: asOf must be a date (YYYY-MM-DD).'],
  ])('keeps a helpful message for %s', (_label, data, message) => {
    expect(() => parseMapping(data)).toThrow(message);
  });

  it('reads an outcome from a second file, with defaults for the keys left out', () => {
    expect(parseMapping({ version: 1, outcome: { file: { key: 'Prospect ID', fileKey: 'Lead', date: 'Won on' } } })).toMatchObject({ outcome: { column: '', success: [], file: { key: 'Prospect ID', fileKey: 'Lead', date: 'Won on' } }, attributes: {}, signals: {}, date: null, accounts: null });
  });

  it('reads the shipped mappings, and its JSON Schema accepts them and refuses a typo', () => {
    const schema = z.toJSONSchema(CalibrationMappingSchema) as { type: string; additionalProperties: boolean; required: string[]; properties: Record<string, { additionalProperties?: boolean; properties?: Record<string, unknown> }> };
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'outcome']));
    expect(schema.properties.outcome!.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.outcome!.properties!)).toEqual(['column', 'success', 'failure', 'file']);
    for (const sample of ['xeducation', 'crm-opportunities']) {
      const data = JSON.parse(readFileSync(resolve(fixtures, sample, 'mapping.json'), 'utf8')) as Record<string, unknown>;
      expect(() => parseMapping(data)).not.toThrow();
      // The keys a shipped file uses are all in the schema.
      for (const key of Object.keys(data)) expect(Object.keys(schema.properties)).toContain(key);
    }
  });
});
