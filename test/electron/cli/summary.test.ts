import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeAccordFile } from '../../../shared/model/accord-file';
import { readyAgreement } from '../../fixtures/agreements';
import { runAccord } from '../../support/run-cli';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-cli-summary-'));
  const agreement = readyAgreement();
  agreement.icp[1]!.consensus = { ...agreement.icp[1]!.consensus, state: 'parked', notes: 'Check the size band.' };
  agreement.actions = [{ id: 'a1', task: 'Configure the scoring', owner: 'Maria Chen', due: '2026-12-20', status: 'open' }];
  await writeFile(join(dir, 'workshop.accord'), serializeAccordFile(agreement, new Date('2026-11-23T12:00:00Z')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runAccord(dir, argv, { env: { ACCORD_DATA_DIR: join(dir, 'data') } });

describe('accord summary', () => {
  it('writes the session summary as Markdown and never overwrites without --force', async () => {
    const result = await run('summary', 'workshop.accord', '--format', 'md', '--out', 'summary.md');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe('Wrote summary.md: the session summary (62 of 63 agreed, 0 disputed, 1 parked, 1 open actions, next review 2027-02-23).\n');
    const markdown = await readFile(join(dir, 'summary.md'), 'utf8');
    expect(markdown).toMatch(/^# Session summary\n/);
    expect(markdown).toContain('| Configure the scoring | Maria Chen | 20 Dec 2026 | Open |');
    expect(await run('summary', 'workshop.accord', '--format', 'md', '--out', 'summary.md')).toMatchObject({ code: 1, err: 'accord summary: summary.md already exists; use --force to replace it.\n' });
  });

  it('writes a sealed one-page PDF on Letter', async () => {
    const result = await run('summary', 'workshop.accord', '--format', 'pdf', '--paper', 'letter', '--out', 'summary.pdf');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Wrote summary\.pdf: the session summary \(.*\), Letter, \d+ kB, sealed by “Dana Facilitator” \(self-signed\)\.\n$/);
    const path = join(dir, 'summary.pdf');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*\(letter\)/);
    expect(execFileSync('pdfsig', [path], { encoding: 'utf8' })).toContain('Signature is Valid.');
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain('Session summary');
  }, 60_000);

  it('refuses a wrong command line with exit 2 and an unreadable file with exit 1', async () => {
    expect((await run('summary', 'workshop.accord', '--out', 'x.md')).code).toBe(2);
    expect(await run('summary', 'workshop.accord', '--format', 'docx', '--out', 'x.docx')).toMatchObject({ code: 2, err: 'accord summary: unknown format "docx"; use pdf or md.\n' });
    expect(await run('summary', 'workshop.accord', '--format', 'pdf', '--paper', 'a3', '--out', 'x.pdf')).toMatchObject({ code: 2 });
    expect(await run('summary', 'missing.accord', '--format', 'md', '--out', 'x.md')).toMatchObject({ code: 1, err: expect.stringMatching(/^accord summary: cannot read missing\.accord/) });
  });
});
