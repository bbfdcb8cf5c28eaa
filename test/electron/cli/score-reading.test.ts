import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';
import { hasSharedData, sharedDataDir } from '../../support/shared-data';

/**
 * `accord score` says how it read the export: an encoding judged on the whole
 * file, characters it could not read, rows read with a problem. Built from the
 * real X Education export, whose rows the test counts itself.
 */
const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'calibration', 'xeducation');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-reading-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const score = (file: string, json: boolean) => runAccord(dir, ['score', '--agreement', join(fixtures, 'agreement.accord'), '--csv', file, '--mapping', join(fixtures, 'mapping.json'), ...(json ? ['--json'] : [])]);

/** Windows-1252 bytes, written by hand (every character here is below U+0100). */
const latin1 = (text: string) => Buffer.from(Uint8Array.from(text, (char) => char.charCodeAt(0)));

describe.skipIf(!hasSharedData)('accord score says how it read the file', () => {
  const original = () => readFileSync(join(sharedDataDir, 'xeducation', 'Leads.csv'), 'utf8');

  it('reads a Windows-1252 export whose first accent is on its last line as it is, with the same MQLs, and names that line', async () => {
    const lines = original().replace(/\n$/, '').split('\n');
    // The last lead's id gets an accent (no rule reads the id): the first 9,240 lines are plain ASCII.
    lines[lines.length - 1] = lines[lines.length - 1]!.replace(/^/, 'é');
    const accented = `${lines.join('\n')}\n`;
    await writeFile(join(dir, 'utf8.csv'), accented, 'utf8');
    await writeFile(join(dir, 'ansi.csv'), latin1(accented));
    const fromUtf8 = JSON.parse((await score('utf8.csv', true)).out) as { mqls: number; read: { encoding: string; switchedAtLine: number | null; replacementCharacters: number } };
    const fromAnsi = JSON.parse((await score('ansi.csv', true)).out) as typeof fromUtf8;
    expect(fromUtf8.read).toEqual({ encoding: 'utf-8', switchedAtLine: null, replacementCharacters: 0, problems: [] });
    expect(fromAnsi.read).toEqual({ encoding: 'windows-1252', switchedAtLine: lines.length, replacementCharacters: 0, problems: [] });
    expect(fromAnsi.mqls).toBe(fromUtf8.mqls);
    expect(fromAnsi.mqls).toBe(2011);
    const text = await score('ansi.csv', false);
    expect(text.code).toBe(0);
    // Read right: named in the JSON (above), no warning line.
    expect(text.out).not.toMatch(/^File /m);
  });

  it('counts characters it could not read and rows with text after a closing quote, and prints them', async () => {
    const lines = original().replace(/\n$/, '').split('\n');
    // A UTF-8 file (with a BOM) where two bytes are broken, and one row whose quoted field is followed by text.
    const broken = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.slice(0, 100).join('\n')}\n`, 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from(`${lines.slice(100).join('\n')}\n`, 'utf8')]);
    await writeFile(join(dir, 'broken.csv'), broken);
    const json = JSON.parse((await score('broken.csv', true)).out) as { read: { replacementCharacters: number }; readNotes: string[] };
    expect(json.read.replacementCharacters).toBe(2);
    expect(json.readNotes[0]).toMatch(/^2 characters could not be read and show as “�”/);
    const quoted = [...lines];
    const at = quoted.findIndex((line, index) => index > 0 && line.includes('"'));
    quoted[at] = quoted[at]!.replace(/"([^"]*)"/, '"$1"x');
    await writeFile(join(dir, 'quoted.csv'), `${quoted.join('\n')}\n`);
    const text = await score('quoted.csv', false);
    expect(text.out).toContain(`File             1 row read with a problem: text follows a closing quote (first on line ${at + 1}); the text was kept as it stands.`);
  });
});
