import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/handlers/index';
import { exportSummaryHandler } from '../../../electron/handlers/pdf';
import { createNodeHost } from '../../../electron/hosts/node-host';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createChromiumPrinter } from '../../../electron/pdf/chromium-printer';
import { verifyPdf } from '../../../electron/pdf/verify';
import { buildSessionSummary, type SessionFacts } from '../../../shared/document/session-summary';
import type { Agreement } from '../../../shared/model/agreement';
import { sections } from '../../../shared/model/sections';
import { readyAgreement } from '../../fixtures/agreements';
import { poppler as run } from '../../e2e/support/poppler';

// The session summary through its real handler: printed by Debian's Chromium, sealed, checked with poppler.
const pages = (path: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]))?.[1] ?? 0);

/** A typical session on a template: one disputed item, two parked items and a parked topic, two decisions, five actions. */
function typicalSession(): Agreement {
  const agreement = readyAgreement();
  agreement.workshop.title = 'Lead management agreement — B2B SaaS mid-market';
  agreement.stages[2]!.consensus = { proposedBy: 'marketing', marketing: 'agree', sales: 'disagree', state: 'disputed', notes: 'Sales wants 48 hours to accept, not 24.' };
  agreement.icp[1]!.consensus = { proposedBy: 'facilitator', marketing: 'agree', sales: 'pending', state: 'parked', notes: 'Check the size band against last year’s won deals.' };
  agreement.commitments[2]!.consensus = { proposedBy: 'sales', marketing: 'agree', sales: 'pending', state: 'parked', notes: 'Wait for the new dialler data.' };
  agreement.parkingLot = [{ id: 't1', topic: 'Partner-sourced leads: who owns them?', raisedBy: 'Maria Chen', notes: 'Revisit with the channel team.', status: 'open' }];
  agreement.decisions = [
    { id: 'd1', text: 'An MQL needs fit ≥ B and engagement ≥ 3.', decidedAt: '2026-11-23 10:40', by: 'Both teams' },
    { id: 'd2', text: 'Inside sales owns every inbound demo request.', decidedAt: '2026-11-23 11:15', by: 'Head of sales' },
  ];
  const owners = ['Maria Chen', 'Tom Berger', 'Dana Facilitator', 'Ali Kaya', 'Sam Rivera'];
  agreement.actions = ['Configure the scoring in HubSpot', 'Add reason codes to the CRM', 'Send the agreement to both teams', 'Build the SLA dashboard', 'Book the first monthly SLA review'].map((task, index) => ({ id: `a${index}`, task, owner: owners[index]!, due: `2026-12-${String(20 - index * 3).padStart(2, '0')}`, status: index === 4 ? ('done' as const) : ('open' as const) }));
  return agreement;
}

const session: SessionFacts = {
  startedAt: '2026-11-23T09:02:00',
  endedAt: '2026-11-23T12:14:00',
  plannedMinutes: 180,
  spentMinutes: 192,
  sections: sections.map((section, index) => ({ sectionId: section.id, title: section.title, plannedMinutes: section.minutes, spentMinutes: section.minutes + (index % 3) * 2, skipped: index === 9 })),
};

let dir: string;
let printer: ReturnType<typeof createChromiumPrinter>;
let host: ReturnType<typeof createNodeHost>;
const now = new Date('2026-11-23T12:20:00Z');
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-summary-'));
  printer = createChromiumPrinter(process.cwd());
  host = createNodeHost({ appVersion: '1.0.0', userDataDir: join(dir, 'data'), saveDir: join(dir, 'saved'), now: () => now, printToPdf: printer });
});
afterAll(async () => {
  await printer.close();
  await rm(dir, { recursive: true, force: true });
});

describe('pdf:export-summary', () => {
  it('exports a typical session on one A4 page: sealed, the summary attached, no signature page', async () => {
    const agreement = typicalSession();
    const path = join(dir, 'summary-a4.pdf');
    host.dialogs.saveAnswers.push(path);
    const result = await exportSummaryHandler(host, { suggestedName: 'Acme - session summary', paper: 'A4', agreement, session, consultant: { name: 'Northwind Consulting' } });
    expect(result).toMatchObject({ saved: true, path });
    expect(host.dialogs.saveRequests.at(-1)).toMatchObject({ title: 'Export the session summary as PDF', defaultName: 'Acme - session summary.pdf' });

    expect(pages(path)).toBe(1);
    expect(run('pdfinfo', [path])).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    const text = run('pdftotext', ['-layout', path, '-']);
    expect(text).toContain('Session summary');
    expect(text).toContain('Acme GmbH · Lead management agreement — B2B SaaS mid-market · 23 Nov 2026');
    expect(text).toMatch(/Configure the scoring in HubSpot\s+Maria Chen\s+20 Dec 2026\s+Open/);
    expect(text).toContain('Partner-sourced leads: who owns them?');
    expect(text).toContain(`Criterion “${agreement.icp[1]!.label}”`);
    expect(text).toContain('23 Feb 2027');
    // The session's times in the workshop's time zone (the template's calendar), however this computer is set.
    const local = (moment: string) => new Intl.DateTimeFormat('en-GB', { timeZone: agreement.calendar!.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(moment));
    expect(text).toContain(`3 h 12 min of 3 h, ${local(session.startedAt!)}–${local(session.endedAt!)}`);
    // The agreement PDF's signature page has the heading "Signatures" and "Signed by hand / typed name"; none of it here.
    expect(text).not.toMatch(/Signatures|Signed by|Not signed yet/);

    const sig = run('pdfsig', [path]);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect((await verifyPdf(await readFile(path))).status).toBe('intact');

    expect(run('pdfdetach', ['-list', path])).toContain('session-summary.json');
    const attached = join(dir, 'attached.json');
    run('pdfdetach', ['-save', '1', '-o', attached, path]);
    expect(JSON.parse(await readFile(attached, 'utf8'))).toEqual(JSON.parse(JSON.stringify(buildSessionSummary(agreement, { generatedAt: now, session }))));

    // For a person to look at: test-results/session-summary/a4-1.png.
    const images = resolve('test-results', 'session-summary');
    await mkdir(images, { recursive: true });
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, join(images, 'a4')]);
    expect(existsSync(join(images, 'a4-1.png'))).toBe(true);
  }, 60_000);

  it('fits US Letter on one page too, without a session record', async () => {
    const path = join(dir, 'summary-letter.pdf');
    host.dialogs.saveAnswers.push(path);
    expect(await exportSummaryHandler(host, { suggestedName: 'x', paper: 'Letter', agreement: typicalSession() })).toMatchObject({ saved: true });
    expect(run('pdfinfo', [path])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(pages(path)).toBe(1);
    expect(run('pdftotext', [path, '-'])).not.toContain('Spent / planned');
  }, 60_000);

  it('fits US Letter on one page with the session record', async () => {
    const path = join(dir, 'summary-letter-timed.pdf');
    host.dialogs.saveAnswers.push(path);
    await exportSummaryHandler(host, { suggestedName: 'x', paper: 'Letter', agreement: typicalSession(), session });
    expect(pages(path)).toBe(1);
    const images = resolve('test-results', 'session-summary');
    await mkdir(images, { recursive: true });
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, join(images, 'letter')]);
  }, 60_000);

  it('flows a long session onto a second page rather than cutting anything', async () => {
    const agreement = typicalSession();
    agreement.actions = Array.from({ length: 40 }, (_, index) => ({ id: `a${index}`, task: `Follow-up task number ${index + 1}`, owner: `Owner ${index + 1}`, due: `2027-01-${String((index % 28) + 1).padStart(2, '0')}`, status: 'open' as const }));
    const path = join(dir, 'summary-long.pdf');
    host.dialogs.saveAnswers.push(path);
    await exportSummaryHandler(host, { suggestedName: 'x', paper: 'A4', agreement, session });
    expect(pages(path)).toBeGreaterThanOrEqual(2);
    const text = run('pdftotext', ['-layout', path, '-']);
    for (let index = 1; index <= 40; index += 1) expect(text).toMatch(new RegExp(`Follow-up task number ${index}\\s+Owner ${index}\\s`));
    expect(text).toContain(`Page 2 of ${pages(path)}`);
    expect(run('pdfsig', [path])).toContain('Signature is Valid.');
  }, 60_000);

  it('writes nothing when the person cancels', async () => {
    host.dialogs.saveAnswers.push(null);
    const before = existsSync(join(dir, 'saved')) ? await readdir(join(dir, 'saved')) : [];
    expect(await exportSummaryHandler(host, { suggestedName: 'x', paper: 'A4', agreement: typicalSession() })).toEqual({ saved: false });
    expect(existsSync(join(dir, 'saved')) ? await readdir(join(dir, 'saved')) : []).toEqual(before);
  });

  it('is refused by the contract with a bad session record, and by the handler with a bad agreement', async () => {
    const dispatch = createDispatcher(createHandlers(host));
    const badSession = await dispatch('pdf:export-summary', { suggestedName: 'x', paper: 'A4', agreement: typicalSession(), session: { ...session, spentMinutes: -5 } });
    expect(badSession.ok).toBe(false);
    if (!badSession.ok) expect(badSession.error).toMatchObject({ code: 'invalid-request', message: expect.stringContaining('spentMinutes') });
    const extra = await dispatch('pdf:export-summary', { suggestedName: 'x', paper: 'A4', agreement: typicalSession(), path: '/tmp/x.pdf' });
    expect(extra.ok).toBe(false);
    const badAgreement = await dispatch('pdf:export-summary', { suggestedName: 'x', paper: 'A4', agreement: { schemaVersion: 1 } });
    expect(badAgreement).toMatchObject({ ok: false, error: { code: 'failed' } });
  });
});
