import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';

const sample = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');
const args = ['review', '--agreement', join(sample, 'agreement.accord'), '--csv', join(sample, 'leads.csv'), '--mapping', join(sample, 'mapping.json'), '--from', '2026-11-01', '--to', '2026-12-31'];

// Every temporary folder a test makes is removed after the file (they were left in the temp folder, one per run).
const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'accord-review-cli-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('accord review', () => {
  it('prints every commitment with its actual, target and state, as JSON one entry per commitment', async () => {
    const truth = JSON.parse(readFileSync(join(sample, 'truth.json'), 'utf8')) as { mqls: number; touchedWithin: number; touchMeasured: number };
    const { code, out, err } = await runAccord(sample, [...args, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const review = JSON.parse(out) as { mqls: number; commitments: { kind: string; actual: string; target: string; state: string; figures: Record<string, number> }[] };
    expect(review.mqls).toBe(truth.mqls);
    // All seven commitments of the agreement, then the loop's KPIs: none left out.
    expect(review.commitments.map((entry) => entry.kind)).toEqual(['mql-volume', 'first-touch', 'attempts', 'accept-reject', 'sql-accept', 'opportunity-update', 'data-completeness', 'reason-codes', 'recycling', 'opportunities', 'time-to-win']);
    const all = JSON.parse(readFileSync(join(sample, 'truth.json'), 'utf8')) as Record<string, number>;
    const figures = (kind: string) => review.commitments.find((entry) => entry.kind === kind)!.figures;
    expect(figures('sql-accept')).toMatchObject({ measured: all.sqlMeasured! + all.sqlUnanswered!, within: all.sqlWithin });
    expect(figures('opportunity-update')).toMatchObject({ open: all.openOpportunities, current: all.openUpdatedWithin });
    expect(figures('data-completeness')).toMatchObject({ measured: all.mqls, complete: all.complete });
    expect(figures('time-to-win')).toMatchObject({ won: all.won });
    const touch = review.commitments.find((entry) => entry.kind === 'first-touch')!;
    expect(touch.figures).toMatchObject({ within: truth.touchedWithin, measured: truth.touchMeasured });
    for (const entry of review.commitments) expect(['met', 'at-risk', 'missed', 'no-data', 'no-target']).toContain(entry.state);
  });

  it('prints a measured KPI without a target as NOT JUDGED: NO TARGET, never NO DATA, and does not count it as no data', async () => {
    // The expected figures, counted here from the shipped export and the agreement's own reason actions.
    const accord = JSON.parse(readFileSync(join(sample, 'agreement.accord'), 'utf8')) as { agreement: { reasons: { code: string; action: string }[] } };
    const recycleCodes = new Set(accord.agreement.reasons.filter((reason) => reason.action === 'recycle').map((reason) => reason.code));
    const [header, ...rows] = readFileSync(join(sample, 'leads.csv'), 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
    const at = (name: string) => header!.indexOf(name);
    const recycled = rows.filter((row) => recycleCodes.has(row[at('Rejection Reason')]!));
    const cameBack = recycled.filter((row) => row[at('SQL Date')] || row[at('Opportunity Date')] || ['Won', 'Closed Won'].includes(row[at('Outcome')]!));
    expect(recycled.length).toBeGreaterThan(0);
    const { code, out } = await runAccord(sample, args);
    expect(code).toBe(0);
    expect(out).toContain(`NOT JUDGED: NO TARGET Recycled leads that came back\n         actual: ${cameBack.length} of ${recycled.length} recycled leads later reached SQL, opportunity or a win\n`);
    expect(out).not.toMatch(/NO DATA +Recycled leads/);
    // Every commitment of the shipped export is measured: the headline counts none as no data.
    expect(out).toMatch(/\nCommitments: \d+ met, \d+ at risk, \d+ missed, 0 no data; 1 not judged: no target\n/);
    const json = JSON.parse((await runAccord(sample, [...args, '--json'])).out) as { commitments: { kind: string; state: string; noData: string | null }[] };
    expect(json.commitments.find((entry) => entry.kind === 'recycling')).toMatchObject({ state: 'no-target', noData: null });
    expect(json.commitments.filter((entry) => entry.state === 'no-data')).toEqual([]);
  });

  it('prints a readable review, and refuses a bad period or a missing file with exit 1', async () => {
    const { code, out } = await runAccord(sample, args);
    expect(code).toBe(0);
    expect(out).toMatch(/^SLA review 2026-11-01 – 2026-12-31: 460 MQLs of 460 leads/);
    expect(out).toMatch(/(MET|AT RISK|MISSED) +First touch after MQL\n +actual: [\d.]+ % within 4 business hours/);
    expect(out).toContain('Data problems (counted, not used)');
    expect(await runAccord(sample, [...args.slice(0, -4), '--from', '2026-12-31', '--to', '2026-11-01'])).toMatchObject({ code: 1, err: expect.stringMatching(/^accord review: Choose a review period/) });
    expect(await runAccord(sample, [...args.slice(0, 3), '--csv', 'nope.csv', ...args.slice(5)])).toMatchObject({ code: 1, err: 'accord review: cannot read the export nope.csv: it does not exist.\n' });
  });

  it('answers --help, and refuses a mapping with a typo naming the key and the known ones', async () => {
    const help = await runAccord(sample, ['review', '--help']);
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toContain('review --agreement FILE.accord --csv LEADS.csv --mapping MAPPING.json');
    const dir = tempDir();
    const typo = join(dir, 'mapping.json');
    writeFileSync(typo, JSON.stringify({ version: 1, columns: { mqlAt: 'MQL Date', wonAt: 'Closed Date' }, won: ['Won'], lost: ['Lost'] }));
    const refused = await runAccord(sample, [...args.slice(0, 5), '--mapping', typo, ...args.slice(7)]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^accord review: .*mapping\.json: The review mapping is not valid\. Unknown key “wonAt” in columns; the known keys are: id, createdAt, mqlAt, owner, firstTouchAt, attempts, acceptedAt, rejectedAt, rejectionReason, sqlAt, sqlAcceptedAt, sqlReturnedAt, opportunityAt, opportunityUpdatedAt, outcome, closedAt, amount\.\n$/);
  });

  it('prints "no data" with the reason for what the mapping leaves out, in the text and the JSON alike', async () => {
    const dir = tempDir();
    const bare = join(dir, 'mapping.json');
    writeFileSync(bare, JSON.stringify({ version: 1, columns: { id: 'Lead ID', mqlAt: 'MQL Date' } }));
    const bareArgs = [...args.slice(0, 5), '--mapping', bare, ...args.slice(7)];
    const text = await runAccord(sample, bareArgs);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/NO DATA +First touch after MQL\n +actual: No data: map the First touch column to measure this\n/);
    expect(text.out).toMatch(/NO DATA +Accept or reject MQLs\n +actual: No data: map the Accepted and the Rejected columns to measure this\n/);
    expect(text.out).toMatch(/MQL → SAL +no data \(plan 70 %\) NO DATA: map the Accepted column to measure this\n/);
    expect(text.out).not.toMatch(/MISSED/);
    const json = JSON.parse((await runAccord(sample, [...bareArgs, '--json'])).out) as { commitments: { kind: string; state: string; noData: string | null; figures: Record<string, number | null> }[] };
    expect(json.commitments.find((entry) => entry.kind === 'first-touch')).toMatchObject({ state: 'no-data', noData: 'map the First touch column to measure this', figures: {} });
  });

  it('reads a German Excel export (Windows-1252, semicolons) and an Excel "Unicode text" export (UTF-16LE, tabs), with the outcome in its own column', async () => {
    const dir = tempDir();
    // Monday 16 November 2026, Berlin. SQL answered within 2 business days (18 business hours): L1 yes (Tue 15:00), L2 no (Thu 11:00).
    const rows = [
      ['L1', '16.11.2026 09:30', '16.11.2026 10:00', '17.11.2026 15:00', '', 'Gewonnen', '15.12.2026 10:00'],
      ['L2', '16.11.2026 11:00', '16.11.2026 12:00', '', '19.11.2026 11:00', '', ''],
      ['L3', '17.11.2026 09:15', '', '', '', '', ''],
    ];
    const header = ['Lead-Nr.', 'MQL-Datum', 'SQL-Datum', 'SQL übernommen', 'SQL zurückgegeben', 'Ergebnis', 'Abschlussdatum'];
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ version: 1, columns: { id: 'Lead-Nr.', mqlAt: 'MQL-Datum', sqlAt: 'SQL-Datum', sqlAcceptedAt: 'SQL übernommen', sqlReturnedAt: 'SQL zurückgegeben', outcome: 'Ergebnis', closedAt: 'Abschlussdatum' }, won: ['Gewonnen'], lost: ['Verloren'] }));
    const files = {
      'leads-1252.csv': Buffer.from(`${[header, ...rows].map((row) => row.join(';')).join('\r\n')}\r\n`, 'latin1'),
      'leads-unicode.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${[header, ...rows].map((row) => row.join('\t')).join('\r\n')}\r\n`, 'utf16le')]),
    };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(dir, name), bytes);
      const { code, out, err } = await runAccord(dir, ['review', '--agreement', join(sample, 'agreement.accord'), '--csv', name, '--mapping', mapping, '--from', '2026-11-01', '--to', '2026-11-30', '--json']);
      expect(err).toBe('');
      expect(code).toBe(0);
      const review = JSON.parse(out) as { mqls: number; commitments: { kind: string; state: string; figures: Record<string, number | null> }[] };
      expect(review.mqls).toBe(rows.length);
      // Computed here: two SQLs, one answered within 18 business hours (Mon 10:00 → Tue 15:00 = 8 + 6 = 14 h); Mon 12:00 → Thu 11:00 = 6 + 9 + 9 + 2 = 26 h is late.
      expect(review.commitments.find((entry) => entry.kind === 'sql-accept')!.figures).toMatchObject({ measured: 2, within: 1 });
      // One win, 29 days after its MQL date (16 Nov 09:30 → 15 Dec 10:00).
      expect(review.commitments.find((entry) => entry.kind === 'time-to-win')!.figures.median).toBeCloseTo((Date.parse('2026-12-15T10:00:00+01:00') - Date.parse('2026-11-16T09:30:00+01:00')) / 86_400_000, 9);
    }
  });
  it('measures the signed version in force, not the draft, names it, and reviews another signed one with --version', async () => {
    const { parseAccordFile, serializeAccordFile } = await import('../../../shared/model/accord-file');
    const { contentHash } = await import('../../../shared/model/canonical');
    const { signatories } = await import('../../../shared/model/versions');
    const { teamLabels } = await import('../../../shared/model/teams');
    const { sealVersions } = await import('../../../electron/pdf/accord-seal');
    const { testIdentities } = await import('../../fixtures/accord-attacks/make-attacks');
    const parsed = parseAccordFile(readFileSync(join(sample, 'agreement.accord'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const withTouch = (hours: number) => {
      const agreement = structuredClone(parsed.agreement);
      for (const commitment of agreement.commitments) if (commitment.kind === 'first-touch') commitment.target = hours;
      return agreement;
    };
    const signedVersion = (number: number, hours: number, day: string) => {
      const agreement = withTouch(hours);
      const hash = contentHash(agreement);
      const signatures = signatories(agreement).map((person) => ({ participantId: person.id, name: person.name, title: person.title, team: teamLabels[person.team], signedAt: `${day}T10:00:00.000Z`, method: 'typed' as const, image: 'data:image/png;base64,AAAA', contentHash: hash }));
      return { number, status: 'signed' as const, agreement, contentHash: hash, signatures, createdAt: Date.parse(day), lockedAt: Date.parse(day) };
    };
    const dir = tempDir();
    const file = join(dir, 'signed.accord');
    // Version 1 signed with 4 business hours, version 2 with 8; the draft amends to 24 (not signed).
    // Sealed as the app exports them (a signed version without a seal reads as a draft).
    writeFileSync(file, serializeAccordFile(withTouch(24), new Date('2026-11-01T00:00:00Z'), sealVersions([signedVersion(1, 4, '2026-09-01'), signedVersion(2, 8, '2026-10-01')], testIdentities().installation)));
    const base = ['review', '--agreement', file, '--data-dir', dir, ...args.slice(3)];
    const inForce = await runAccord(sample, base);
    expect(inForce.code).toBe(0);
    expect(inForce.out).toContain('Agreement reviewed: version 2, signed 1 Oct 2026 (in force)\n');
    // The data folder has no identity: the test key is an unknown certificate here, said with its fingerprint.
    const { formatFingerprint } = await import('../../../shared/model/seal-origin');
    expect(inForce.err).toContain(`accord review: version 2: Sealed by an unknown certificate (it says “Dana Facilitator”): anyone can create one with this name (certificate ${formatFingerprint(testIdentities().installation.fingerprint)})\n`);
    expect(inForce.out).toMatch(/First touch after MQL\n +actual: [\d.]+ % within 8 business hours/);
    const truth = JSON.parse(readFileSync(join(sample, 'truth.json'), 'utf8')) as { touchedWithin: number; touchMeasured: number };
    const first = await runAccord(sample, [...base, '--version', '1', '--json']);
    const review = JSON.parse(first.out) as { agreementVersion: string; commitments: { kind: string; actual: string; figures: Record<string, number> }[] };
    expect(review.agreementVersion).toBe('version 1, signed 1 Sep 2026');
    const touch = review.commitments.find((entry) => entry.kind === 'first-touch')!;
    // The sample's truth is built for 4 business hours (version 1's target).
    expect(touch.figures).toMatchObject({ within: truth.touchedWithin, measured: truth.touchMeasured });
    expect(touch.actual).toContain(`${Math.round((truth.touchedWithin / truth.touchMeasured) * 1000) / 10} % within 4 business hours`);
    expect(await runAccord(sample, [...base, '--version', '3'])).toMatchObject({ code: 1, err: expect.stringContaining('has no signed version 3 (signed versions: 1, 2)') });
    expect((await runAccord(sample, ['review', '--help'])).out).toContain('--version N');
    // The same versions without their seals: read as a draft, said on stderr; the draft's targets are measured.
    const unsealed = join(dir, 'unsealed.accord');
    writeFileSync(unsealed, serializeAccordFile(withTouch(24), new Date('2026-11-01T00:00:00Z'), [signedVersion(1, 4, '2026-09-01'), signedVersion(2, 8, '2026-10-01')]));
    const draft = await runAccord(sample, ['review', '--agreement', unsealed, '--data-dir', dir, ...args.slice(3)]);
    expect(draft.err).toContain('accord review: The file says versions 1, 2 are signed, but version 1 has no seal: nothing proves it was not changed after signing; Version 2 has no seal');
    expect(draft.out).toContain('Agreement reviewed: the draft (nothing is signed yet)\n');
    expect(draft.out).toMatch(/First touch after MQL\n +actual: [\d.]+ % within 24 business hours/);
  });
});
