import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/handlers/index';
import { checkConsultant } from '../../../electron/handlers/pdf';
import { createNodeHost } from '../../../electron/hosts/node-host';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { readyAgreement } from '../../fixtures/agreements';

const dataUrl = (type: string, text: string) => `data:${type};base64,${Buffer.from(text).toString('base64')}`;
const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`;

describe('the PDF handlers re-check the consultant logo (the renderer is untrusted)', () => {
  it('lets a clean logo and no logo through', () => {
    expect(() => checkConsultant(undefined)).not.toThrow();
    expect(() => checkConsultant({ name: 'N' })).not.toThrow();
    expect(() => checkConsultant({ name: 'N', logoDataUrl: dataUrl('image/svg+xml', svg('<rect width="1" height="1"/>')) })).not.toThrow();
  });
  it.each([
    ['an SVG with a script', dataUrl('image/svg+xml', svg('<script>alert(1)</script>')), 'contains a script'],
    ['an SVG loading a remote image', dataUrl('image/svg+xml', svg('<image href="https://example.com/x.png"/>')), 'external'],
    ['text labelled PNG', dataUrl('image/png', 'not a picture'), 'not an image'],
    ['an SVG labelled PNG', dataUrl('image/png', svg('')), 'says it is PNG but its content is SVG'],
  ])('refuses %s with a message', (_label, logoDataUrl, message) => {
    expect(() => checkConsultant({ name: 'N', logoDataUrl })).toThrow(message);
  });
});

describe('the three PDF exports are one pipeline: re-read and check, ask where to save, render and seal, write', () => {
  const draftContext = { versionNumber: 1, status: 'draft' as const, signatures: [], history: [], generatedAt: '2026-11-23T11:00:00.000Z' };
  const review = { from: '2026-10-01', to: '2026-10-31', leads: 0, mqls: 0, commitments: [], conversion: [], weekly: [], monthly: [], need: { mqlsPerWeek: null, mqlsPerMonth: null, opportunitiesPerMonth: null }, speedHistogram: [], reasons: [], problems: [] };
  const badLogo = { name: 'N', logoDataUrl: dataUrl('image/svg+xml', svg('<script>alert(1)</script>')) };
  const kinds = [
    { channel: 'pdf:export-agreement', label: 'Exporting the PDF', title: 'Export the agreement as PDF', request: (consultant?: object) => ({ suggestedName: 'Agreement', paper: 'A4', agreement: readyAgreement(), context: { ...draftContext, ...(consultant ? { consultant } : {}) } }) },
    { channel: 'pdf:export-review', label: 'Exporting the review report', title: 'Export the SLA review as PDF', request: (consultant?: object) => ({ suggestedName: 'Review', paper: 'A4', agreement: readyAgreement(), review, ...(consultant ? { consultant } : {}) }) },
    { channel: 'pdf:export-summary', label: 'Exporting the session summary', title: 'Export the session summary as PDF', request: (consultant?: object) => ({ suggestedName: 'Summary', paper: 'Letter', agreement: readyAgreement(), ...(consultant ? { consultant } : {}) }) },
  ] as const;

  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accord-pdf-pipeline-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const setup = () => {
    const host = createNodeHost({ appVersion: '9.9.9', userDataDir: dir, saveDir: join(dir, 'saved') });
    return { host, dispatch: createDispatcher(createHandlers(host)) };
  };

  it.each(kinds)('$channel refuses a damaged agreement and a scripted logo before the dialog, in its own words, and writes nothing', async ({ channel, label, request }) => {
    const { host, dispatch } = setup();
    const damaged = await dispatch(channel, { ...request(), agreement: { workshop: 'not an agreement' } });
    expect(damaged).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(new RegExp(`^${label} failed: `)) } });
    const logo = await dispatch(channel, request(badLogo));
    expect(logo).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('contains a script') } });
    expect(logo.ok ? '' : logo.error.message).toMatch(new RegExp(`^${label} failed: `));
    expect(host.dialogs.saveRequests).toHaveLength(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each(kinds)('$channel asks with its own title and, when the person cancels, makes no sealing key and writes nothing', async ({ channel, title, request }) => {
    const { host, dispatch } = setup();
    host.dialogs.saveAnswers.push(null);
    expect(await dispatch(channel, request())).toEqual({ ok: true, value: { saved: false } });
    expect(host.dialogs.saveRequests.map(({ title: asked, defaultName, filters }) => ({ asked, defaultName, filters }))).toEqual([{ asked: title, defaultName: `${request().suggestedName}.pdf`, filters: [{ name: 'PDF document', extensions: ['pdf'] }] }]);
    expect(await readdir(dir)).toEqual([]);
  });
});
