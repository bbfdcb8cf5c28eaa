import { describe, expect, it } from 'vitest';
import { defaultAgenda, newTimer, next, start } from '../../../shared/engines/agenda/agenda';
import type { AgreementDocument, Block } from '../../../shared/document/document';
import { renderHtml } from '../../../shared/document/html';
import { agreedLabelsText, buildSessionSummary, describeSession, formatMinutes, sessionFactsOf, sessionSummaryMarkdown, shortLabel, summaryDocument, type SessionFacts } from '../../../shared/document/session-summary';
import type { Agreement } from '../../../shared/model/agreement';
import { consensusItems, sections } from '../../../shared/model/sections';
import { formatDay } from '../../../shared/text/datetime';
import { readyAgreement } from '../../fixtures/agreements';

/** A template agreement as the room left it: most items agreed, one disputed, two parked, one untouched, a parking lot, decisions and actions. */
function sessionAgreement(): Agreement {
  const agreement = readyAgreement();
  agreement.workshop.title = 'Lead management agreement';
  agreement.stages[2]!.consensus = { proposedBy: 'marketing', marketing: 'agree', sales: 'disagree', state: 'disputed', notes: 'Sales wants 48 hours to accept, not 24.' };
  agreement.icp[1]!.consensus = { proposedBy: 'facilitator', marketing: 'agree', sales: 'pending', state: 'parked', notes: 'Check the size band against last year’s won deals.' };
  agreement.commitments[2]!.consensus = { proposedBy: 'sales', marketing: 'disagree', sales: 'disagree', state: 'parked', notes: '' };
  agreement.kpis[3]!.consensus = { proposedBy: 'facilitator', marketing: 'pending', sales: 'pending', state: 'proposed', notes: '' };
  agreement.parkingLot = [
    { id: 't1', topic: 'Partner-sourced leads: who owns them?', raisedBy: 'Maria Chen', notes: 'Revisit with the channel team.', status: 'open' },
    { id: 't2', topic: 'Event leads', raisedBy: 'Tom Berger', notes: '', status: 'resolved' },
  ];
  agreement.decisions = [
    { id: 'd1', text: 'An MQL needs fit ≥ B and engagement ≥ 3.', decidedAt: '2026-11-23 10:40', by: 'Both teams' },
    { id: 'd2', text: 'Inside sales owns every inbound demo request.', decidedAt: '2026-11-23 11:15', by: 'Head of sales' },
  ];
  agreement.actions = [
    { id: 'a1', task: 'Configure the scoring in HubSpot', owner: 'Maria Chen', due: '2026-12-20', status: 'open' },
    { id: 'a2', task: 'Book the first SLA review', owner: 'Sam Rivera', due: '2026-12-01', status: 'done' },
    { id: 'a3', task: 'Decide on partner leads', owner: '', due: '', status: 'open' },
    { id: 'a4', task: 'Add reason codes to the CRM', owner: 'Tom Berger', due: '2026-12-05', status: 'open' },
    { id: 'a5', task: 'Send the agreement to both teams', owner: 'Dana Facilitator', due: '2026-11-25', status: 'open' },
  ];
  return agreement;
}

const session: SessionFacts = {
  startedAt: '2026-11-23T09:02:00',
  endedAt: '2026-11-23T12:14:00',
  plannedMinutes: 180,
  spentMinutes: 192,
  sections: [
    { sectionId: 'vocabulary', title: 'Common vocabulary', plannedMinutes: 20, spentMinutes: 24, skipped: false },
    // No section id: matched by its title.
    { title: 'Ideal customer profile', plannedMinutes: 20, spentMinutes: 18, skipped: false },
    { sectionId: 'cadence', title: 'Metrics and cadence', plannedMinutes: 10, spentMinutes: 0, skipped: true },
    { title: 'Coffee break', plannedMinutes: 15, spentMinutes: 20, skipped: false },
  ],
};

const tableRows = (document: AgreementDocument, id: string): string[][] => document.sections.find((section) => section.id === id)!.blocks.flatMap((block: Block) => (block.kind === 'table' ? block.rows : []));

describe('buildSessionSummary', () => {
  const agreement = sessionAgreement();
  const summary = buildSessionSummary(agreement, { generatedAt: new Date('2026-11-23T12:20:00Z'), session });

  it('counts every consensus item once, per part, and names every agreed item', () => {
    const items = consensusItems(agreement);
    expect(summary.totals).toEqual({ items: items.length, agreed: items.length - 4, disputed: 1, parked: 2, toDiscuss: 1 });
    for (const part of summary.parts) {
      expect(part.agreed + part.disputed + part.parked + part.toDiscuss).toBe(part.total);
      expect(part.agreedLabels).toHaveLength(part.agreed);
    }
    const vocabulary = summary.parts.find((part) => part.sectionId === 'vocabulary')!;
    expect(vocabulary).toMatchObject({ number: 3, title: 'Common vocabulary', disputed: 1, total: agreement.stages.length + agreement.glossary.length });
    expect(vocabulary.agreedLabels.slice(0, 2)).toEqual([agreement.stages[0]!.name, agreement.stages[1]!.name]);
    expect(summary.generatedAt).toBe('2026-11-23T12:20:00.000Z');
  });

  it('lists the disputed item with who disagrees and the notes, and both kinds of parked items', () => {
    expect(summary.disputed).toEqual([{ sectionId: 'vocabulary', part: 'Common vocabulary', label: `Stage “${agreement.stages[2]!.name}”`, disagrees: 'Sales', notes: 'Sales wants 48 hours to accept, not 24.' }]);
    expect(summary.parked.map((item) => [item.part, item.label, item.notes])).toEqual([
      ['Ideal customer profile', `Criterion “${agreement.icp[1]!.label}”`, 'Check the size band against last year’s won deals.'],
      ['Handoff and SLA', `Commitment “${agreement.commitments[2]!.metric}”`, ''],
    ]);
    expect(summary.parkedTopics).toEqual([{ topic: 'Partner-sourced leads: who owns them?', raisedBy: 'Maria Chen', notes: 'Revisit with the channel team.' }]);
    expect(summary.resolvedTopics).toBe(1);
  });

  it('keeps decisions as logged and sorts actions: open by due date (undated last), then done', () => {
    expect(summary.decisions).toEqual([
      { text: 'An MQL needs fit ≥ B and engagement ≥ 3.', by: 'Both teams', when: '2026-11-23 10:40' },
      { text: 'Inside sales owns every inbound demo request.', by: 'Head of sales', when: '2026-11-23 11:15' },
    ]);
    expect(summary.actions.map((action) => [action.task, action.owner, action.due, action.status])).toEqual([
      ['Send the agreement to both teams', 'Dana Facilitator', '2026-11-25', 'open'],
      ['Add reason codes to the CRM', 'Tom Berger', '2026-12-05', 'open'],
      ['Configure the scoring in HubSpot', 'Maria Chen', '2026-12-20', 'open'],
      ['Decide on partner leads', '', '', 'open'],
      ['Book the first SLA review', 'Sam Rivera', '2026-12-01', 'done'],
    ]);
  });

  it('gives the next review date, or "not set"', () => {
    expect(summary.nextReview).toBe('2027-02-23');
    const unset = sessionAgreement();
    unset.workshop.nextReviewDate = '';
    expect(buildSessionSummary(unset, { generatedAt: '2026-11-23T12:00:00Z' }).nextReview).toBe('not set');
  });

  it('matches the session’s agenda items to parts by id or title and keeps the others', () => {
    expect(summary.parts.find((part) => part.sectionId === 'vocabulary')!.time).toEqual({ plannedMinutes: 20, spentMinutes: 24, skipped: false });
    expect(summary.parts.find((part) => part.sectionId === 'icp')!.time).toEqual({ plannedMinutes: 20, spentMinutes: 18, skipped: false });
    expect(summary.parts.find((part) => part.sectionId === 'cadence')!.time?.skipped).toBe(true);
    expect(summary.otherAgendaItems).toEqual([{ title: 'Coffee break', plannedMinutes: 15, spentMinutes: 20, skipped: false }]);
    expect(describeSession(summary.session!, '2026-11-23')).toBe('3 h 12 min of 3 h, 09:02–12:14');
    const untimed = buildSessionSummary(agreement, { generatedAt: '2026-11-23T12:00:00Z' });
    expect(untimed.session).toBeUndefined();
    // Without a session, parts without items (the workshop, the log) are left out.
    expect(untimed.parts.map((part) => part.sectionId)).toEqual(sections.filter((section) => section.id !== 'workshop' && section.id !== 'log').map((section) => section.id));
  });
});

describe('summaryDocument', () => {
  const agreement = sessionAgreement();
  const summary = buildSessionSummary(agreement, { generatedAt: '2026-11-23T12:20:00.000Z', session });
  const document = summaryDocument(summary, agreement, { name: 'Northwind Consulting' });

  it('is a one-page report titled "Session summary" with client, workshop and date, and no signatures', () => {
    expect(document.title).toBe('Session summary');
    expect(document.report).toMatchObject({ layout: 'one-page', attachmentName: 'session-summary.json', subtitle: 'Acme GmbH · Lead management agreement · 23 Nov 2026' });
    expect(document.signatures).toEqual([]);
    expect(document.history).toEqual([]);
    expect(document.report!.coverFacts).toContainEqual(['Next review', '23 Feb 2027']);
    // The times in the workshop's time zone (the template's calendar), however this computer is set.
    const berlin = (moment: string) => new Intl.DateTimeFormat('en-GB', { timeZone: agreement.calendar!.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(moment));
    expect(document.report!.coverFacts).toContainEqual(['Session', `3 h 12 min of 3 h, ${berlin(session.startedAt!)}–${berlin(session.endedAt!)}`]);
    expect(document.sections.map((section) => section.id)).toEqual(['agreed', 'disputed', 'parked', 'decisions', 'actions']);
    const html = renderHtml(document);
    expect(html).not.toContain('Signatures');
    expect(html).not.toContain('class="cover"');
    expect(html).toContain('class="masthead"');
  });

  it('lists every disputed and parked item, decision and action (nothing dropped), and counts the agreed ones per part', () => {
    expect(tableRows(document, 'disputed')).toEqual([[`Stage “${agreement.stages[2]!.name}”`, 'Common vocabulary', 'Sales', 'Sales wants 48 hours to accept, not 24.']]);
    expect(tableRows(document, 'parked').map((row) => row[0])).toEqual([`Criterion “${agreement.icp[1]!.label}”`, `Commitment “${agreement.commitments[2]!.metric}”`, 'Partner-sourced leads: who owns them?']);
    expect(tableRows(document, 'parked')[2]![1]).toBe('Parking lot, raised by Maria Chen');
    expect(tableRows(document, 'decisions')).toHaveLength(2);
    expect(tableRows(document, 'actions')).toEqual(summary.actions.map((action) => [action.task, action.owner || '—', action.due ? formatDay(action.due) : '—', action.status === 'open' ? 'Open' : 'Done']));
    const agreed = tableRows(document, 'agreed');
    const vocabulary = agreed.find((row) => row[0] === '3. Common vocabulary')!;
    expect(vocabulary.slice(1, 4)).toEqual([`${agreement.stages.length + agreement.glossary.length - 1} of ${agreement.stages.length + agreement.glossary.length}`, '1 disputed', '24 / 20 min']);
    expect(agreed.at(-1)).toEqual(['Coffee break', '—', '—', '20 / 15 min', '—']);
    expect(agreed.find((row) => row[0] === '10. Metrics and cadence')![3]).toBe('skipped');
  });

  it('names a few agreed items and counts the rest, so the named plus the counted make the total', () => {
    for (const part of summary.parts.filter((entry) => entry.agreed > 0)) {
      const text = agreedLabelsText(part);
      const more = Number(/\+ (\d+) more$/.exec(text)?.[1] ?? 0);
      const named = text.replace(/ \+ \d+ more$/, '').split(', ').length;
      expect(named).toBeGreaterThanOrEqual(1);
      expect(named).toBeLessThanOrEqual(3);
      expect(named + more, part.title).toBe(part.agreed);
    }
    expect(shortLabel('Stage “MQL”')).toBe('MQL');
    expect(shortLabel('Commitment “Attempts before “unable to reach””')).toBe('Attempts before “unable to reach”');
    expect(shortLabel('The revenue plan')).toBe('The revenue plan');
  });

  it('keeps every action when there are many (they flow onto a second page instead)', () => {
    const busy = sessionAgreement();
    busy.actions = Array.from({ length: 60 }, (_, index) => ({ id: `a${index}`, task: `Task ${index}`, owner: `Owner ${index}`, due: `2027-01-${String((index % 28) + 1).padStart(2, '0')}`, status: 'open' as const }));
    const rows = tableRows(summaryDocument(buildSessionSummary(busy, { generatedAt: '2026-11-23T12:00:00Z' }), busy), 'actions');
    expect(rows).toHaveLength(60);
    // In the order of their due days (sorted as days, then written as people read them).
    expect(rows.map((row) => row[2])).toEqual(busy.actions.map((action) => action.due).sort().map((due) => formatDay(due)));
  });

  it('says when nothing is disputed, parked, decided or to do', () => {
    const clean = readyAgreement();
    const empty = summaryDocument(buildSessionSummary(clean, { generatedAt: '2026-11-23T12:00:00Z' }), clean);
    const paragraphs = empty.sections.flatMap((section) => section.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : [])));
    expect(paragraphs).toEqual(['Nothing is disputed.', 'Nothing is parked.', 'No decisions logged.', 'No action items.']);
    expect(empty.report!.coverFacts).toContainEqual(['Still open', 'nothing']);
  });
});

describe('sessionSummaryMarkdown', () => {
  it('renders the same summary as Markdown: title, client line, facts, tables, and no signatures', () => {
    const agreement = sessionAgreement();
    const summary = buildSessionSummary(agreement, { generatedAt: '2026-11-23T12:20:00.000Z', session });
    const markdown = sessionSummaryMarkdown(summary, agreement);
    expect(markdown.startsWith('# Session summary\n\n**Acme GmbH · Lead management agreement · 23 Nov 2026**')).toBe(true);
    expect(markdown).toContain('- **Next review:** 23 Feb 2027');
    expect(markdown).toContain('## What was agreed');
    expect(markdown).toContain('| Send the agreement to both teams | Dana Facilitator | 25 Nov 2026 | Open |');
    expect(markdown).toContain('| Decide on partner leads | — | — | Open |');
    expect(markdown).toContain('| Partner-sourced leads: who owns them? | Parking lot, raised by Maria Chen | Revisit with the channel team. |');
    expect(markdown).toContain('| 2026-11-23 10:40 | An MQL needs fit ≥ B and engagement ≥ 3. | Both teams |');
    expect(markdown).not.toContain('Signatures');
  });
});

describe('sessionFactsOf', () => {
  it('turns the agenda and its timer into the facts the summary needs, counting the part still running', () => {
    const agenda = defaultAgenda(sections).map((item) => (item.sectionId === 'committee' ? { ...item, skipped: true } : item));
    const t0 = new Date('2026-11-23T09:00:00').getTime();
    let timer = start(newTimer(agenda), t0);
    timer = next(timer, agenda, t0 + 12 * 60_000);
    const facts = sessionFactsOf(agenda, timer, t0 + 40 * 60_000);
    expect(facts.spentMinutes).toBe(40);
    expect(facts.plannedMinutes).toBe(sections.reduce((total, section) => total + section.minutes, 0) - 15);
    expect(facts.sections[0]).toEqual({ sectionId: 'workshop', title: 'Workshop and people', plannedMinutes: 10, spentMinutes: 12, skipped: false });
    expect(facts.sections[1]).toMatchObject({ sectionId: 'revenue', spentMinutes: 28 });
    expect(facts.sections.find((entry) => entry.sectionId === 'committee')).toMatchObject({ skipped: true, plannedMinutes: 0 });
    expect(describeSession(facts, '2026-11-23')).toBe(`40 min of ${formatMinutes(facts.plannedMinutes)}, 09:00–09:40`);
  });
});
