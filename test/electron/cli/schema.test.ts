import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/accord';
import { parseMapping } from '../../../shared/engines/calibration/mapping';
import { parseReviewMapping } from '../../../shared/engines/review/mapping';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { cwd: process.cwd(), out: (text) => void (out += text), err: (text) => void (err += text), now: () => new Date('2026-12-01T10:00:00Z') });
  return { code, out, err };
}

describe('accord schema', () => {
  it('prints JSON Schemas that accept the shipped mappings and refuse a typo, as the app’s own check does', async () => {
    const ajv = new Ajv2020({ strict: false });
    const calibration = JSON.parse((await cli('schema', 'mapping')).out) as Record<string, unknown>;
    const review = JSON.parse((await cli('schema', 'review-mapping')).out) as Record<string, unknown>;
    expect(calibration.title).toMatch(/calibration mapping/);
    const checkCalibration = ajv.compile(calibration);
    const checkReview = ajv.compile(review);
    for (const sample of ['xeducation', 'crm-opportunities']) {
      const mapping = JSON.parse(readFileSync(join(fixtures, 'calibration', sample, 'mapping.json'), 'utf8')) as Record<string, unknown>;
      expect(checkCalibration(mapping), JSON.stringify(checkCalibration.errors)).toBe(true);
      const typo = { ...mapping, outcomes: mapping.outcome };
      expect(checkCalibration(typo)).toBe(false);
      expect(() => parseMapping(typo)).toThrow(/outcomes/);
    }
    const reviewMapping = JSON.parse(readFileSync(join(fixtures, 'review', 'mapping.json'), 'utf8')) as { columns: Record<string, string> };
    expect(checkReview(reviewMapping), JSON.stringify(checkReview.errors)).toBe(true);
    const typo = { ...reviewMapping, columns: { ...reviewMapping.columns, wonAt: 'Won Date' } };
    expect(checkReview(typo)).toBe(false);
    expect(() => parseReviewMapping(typo)).toThrow(/wonAt/);
  });

  it('says which schemas there are when asked for another, with exit 2', async () => {
    const result = await cli('schema', 'agreement');
    expect(result.code).toBe(2);
    expect(result.err).toContain('mapping or review-mapping');
  });

  it('answers --help for every command, with that command’s usage and exit 0', async () => {
    for (const command of ['templates', 'new', 'check', 'export', 'verify', 'summary', 'score', 'review', 'schema']) {
      const result = await cli(command, '--help');
      expect(result.code, command).toBe(0);
      expect(result.out, command).toContain(`Usage: accord ${command}`);
      expect(result.out, command).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});
