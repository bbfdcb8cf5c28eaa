import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';
import { parseAccordFile } from '../../../shared/model/accord-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runAccord(dir, argv, { now: '2026-11-23T10:00:00Z' });

describe('accord command line', () => {
  it('lists the templates with id and name', async () => {
    const { code, out } = await run('templates');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      'b2b-saas-mid-market     B2B SaaS mid-market',
      'enterprise-field-sales  Enterprise field sales',
      'smb-product-led         SMB / product-led',
      'professional-services   Professional services',
    ]);
  });

  it('writes a new agreement file from a template, which check then accepts and explains', async () => {
    const created = await run('new', '--template', 'smb-product-led', '--out', 'acme.accord', '--client', 'Acme GmbH');
    expect(created).toEqual({ code: 0, out: 'Wrote acme.accord from the template "SMB / product-led".\n', err: '' });
    const parsed = parseAccordFile(await readFile(join(dir, 'acme.accord'), 'utf8'));
    expect(parsed.ok && parsed.agreement.workshop.client).toBe('Acme GmbH');
    const checked = await run('check', 'acme.accord');
    expect(checked.code).toBe(0);
    expect(checked.out).toContain('acme.accord: a valid Accord agreement (schema 1), “Lead management agreement — SMB / product-led” for Acme GmbH.');
    expect(checked.out).toMatch(/Not ready to sign: \d+ things block it\./);
    expect(checked.out).toContain('1. Workshop and people\n  - Name the facilitator.');
    expect(checked.out).toContain('  - Name the participant who is Chief Marketing Officer.');
  });

  it('prints the check as JSON for scripts', async () => {
    await run('new', '--template', 'b2b-saas-mid-market', '--out', 'a.accord');
    const { code, out } = await run('check', 'a.accord', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { valid: boolean; ready: boolean; blockers: { section: string; message: string }[] };
    expect(report.valid).toBe(true);
    expect(report.ready).toBe(false);
    expect(report.blockers[0]).toMatchObject({ section: 'workshop' });
  });

  it('never overwrites a file unless told to', async () => {
    await writeFile(join(dir, 'keep.accord'), 'precious');
    const { code, err } = await run('new', '--template', 'b2b-saas-mid-market', '--out', 'keep.accord');
    expect(code).toBe(1);
    expect(err).toBe('accord new: keep.accord already exists; use --force to replace it.\n');
    expect(await readFile(join(dir, 'keep.accord'), 'utf8')).toBe('precious');
    expect((await run('new', '--template', 'b2b-saas-mid-market', '--out', 'keep.accord', '--force')).code).toBe(0);
  });

  it.each([
    ['{"schemaVersion": 9}', 'This agreement was made by a newer version of Accord (schema 9; this version reads up to 1). Update Accord to open it.'],
    ['{"format": "accord", "fileVersion": 1, "agreement": {"schemaVersion": 1, "workshop": {}}}', 'This agreement is damaged or incomplete: workshop.title:'],
    ['{"schemaVersion": 1, "work', 'This file is not valid JSON'],
    ['', 'The file is empty.'],
    ['[1,2,3]', 'This is not an Accord agreement: expected a JSON object.'],
  ])('refuses %j with a clear message and exit code 1', async (content, message) => {
    await writeFile(join(dir, 'bad.accord'), content);
    const { code, out, err } = await run('check', 'bad.accord');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`accord check: bad.accord is not a valid agreement. ${message}`);
  });

  it('says when the file cannot be read', async () => {
    const { code, err } = await run('check', 'missing.accord');
    expect(code).toBe(1);
    expect(err).toMatch(/^accord check: cannot read missing.accord: ENOENT/);
  });

  it('explains a wrong command line with exit code 2', async () => {
    expect((await run('bogus')).code).toBe(2);
    expect((await run('new', '--template', 'nope', '--out', 'x.accord')).err).toContain('there is no template "nope". Templates: b2b-saas-mid-market,');
    expect((await run('new', '--out', 'x.accord')).code).toBe(2);
    expect((await run('check')).code).toBe(2);
    expect((await run('check', 'a', '--verbose')).code).toBe(2);
  });
});
