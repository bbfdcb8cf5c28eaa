import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, sha256Hex } from '../../../shared/model/canonical';
import { findTemplate } from '../../../shared/templates/templates';

describe('canonical JSON and content hash', () => {
  it('sorts keys at every level, so key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(contentHash({ b: 1, a: 2 })).toBe(contentHash({ a: 2, b: 1 }));
  });
  it('normalises strings to NFC and -0 to 0, and leaves out undefined members', () => {
    expect(canonicalJson({ s: 'e\u0301' })).toBe(canonicalJson({ s: '\u00e9' }));
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(1.5e-7)).toBe('1.5e-7');
  });
  it('refuses NaN and Infinity', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('Cannot put NaN');
    expect(() => canonicalJson(Infinity)).toThrow();
  });
  it('is SHA-256 of the UTF-8 text (known vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('gives the same hash for the same agreement, and a new hash for any change', () => {
    const template = findTemplate('b2b-saas-mid-market')!;
    const one = template.build();
    const two = template.build();
    expect(contentHash(one)).toBe(contentHash(two));
    expect(contentHash(one)).toMatch(/^[0-9a-f]{64}$/);
    two.scoring.fitThresholds.B = 55;
    expect(contentHash(two)).not.toBe(contentHash(one));
    const three = template.build();
    three.reasons[0]!.label += ' ';
    expect(contentHash(three)).not.toBe(contentHash(one));
  });
});

describe('what is stored is what the hash covers (Unicode NFC)', () => {
  it('reads a rule value written with a combining mark (NFD) as the agreed text, so an edit the hash cannot see changes no score', async () => {
    const { readyAgreement } = await import('../../fixtures/agreements');
    const { parseAccordFile, serializeAccordFile } = await import('../../../shared/model/accord-file');
    const { compileScoring } = await import('../../../shared/engines/scoring/scoring');
    const agreement = readyAgreement();
    const region = agreement.icp.find((criterion) => criterion.match.kind === 'in')!;
    if (region.match.kind !== 'in') throw new Error('no list rule');
    region.match.values = [...region.match.values, 'Österreich'];
    const honest = serializeAccordFile(agreement, new Date('2026-12-01T10:00:00Z'));
    // The attack: the same letter as O + U+0308; every hash (NFC) stays the same.
    const tampered = honest.replace('Österreich', 'O\u0308sterreich');
    expect(tampered).not.toBe(honest);
    const [a, b] = [parseAccordFile(honest), parseAccordFile(tampered)];
    if (!a.ok || !b.ok) throw new Error('not parsed');
    expect(contentHash(b.agreement)).toBe(contentHash(a.agreement));
    // Stored as the hash sees it: the same text, so the same rule.
    expect(JSON.stringify(b.agreement)).toBe(JSON.stringify(a.agreement));
    // And a CRM value in either form matches the rule, as the hash treats them alike.
    const lead = (country: string) => ({ attributes: { [region.attribute]: country }, signals: {} });
    const model = compileScoring(b.agreement, { asOf: '2026-12-01' });
    const verdict = (country: string) => {
      const evaluation = model.evaluate(lead(country));
      return JSON.stringify([evaluation.fit, evaluation.knockedOut, evaluation.stage]);
    };
    expect(new Set(['Österreich', 'O\u0308sterreich', 'ÖSTERREICH'].map(verdict)).size).toBe(1);
    expect(verdict('Österreich')).not.toBe(verdict('Norway'));
  });
});
