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
