import type { AgendaItem, SessionTimer } from '../engines/agenda/agenda';
import type { Agreement } from '../model/agreement';
import { contentHash } from '../model/canonical';
import { consensusItems, sections, type ConsensusItem } from '../model/sections';
import { addMonths, dayText, type AgreementDocument, type Block, type DocumentSection } from './document';
import { renderMarkdown } from './markdown';
import { formatDateTime, formatDay, formatTime } from '../text/datetime';

/**
 * The session summary: at the end of a workshop, one page with what was
 * agreed, what is still disputed or parked, decisions, action items with
 * owners and dates, and the next review date. Plain data first (shown on
 * screen and attached to the PDF), then a document in the shared model
 * (print HTML for the sealed PDF, Markdown): a report, so no signature page.
 */

/** Time spent on one part of the agenda, as the session timer measured it. */
export interface SessionSectionFacts {
  /** The agreement part this agenda item covers (matched by title when absent). */
  sectionId?: string;
  title: string;
  plannedMinutes: number;
  spentMinutes: number;
  skipped: boolean;
}

/** How the session went, from the agenda and its timer; given by the caller. */
export interface SessionFacts {
  /** ISO date-time (or any text) of the start and the end. */
  startedAt?: string;
  endedAt?: string;
  plannedMinutes: number;
  spentMinutes: number;
  sections: SessionSectionFacts[];
}

/** One part of the agreement: its items by state, the agreed items' short names, and the time spent on it. */
export interface SummaryPart {
  sectionId: string;
  number: number;
  title: string;
  total: number;
  agreed: number;
  disputed: number;
  parked: number;
  /** Items nobody has taken a position on yet (proposed). */
  toDiscuss: number;
  /** Short names of the agreed items, in agenda order (all of them). */
  agreedLabels: string[];
  time?: Omit<SessionSectionFacts, 'sectionId' | 'title'>;
}

/** An item still disputed. */
export interface SummaryDisputed {
  sectionId: string;
  part: string;
  label: string;
  /** "Marketing", "Sales", "Marketing and sales" (or "—" when neither position is "disagree"). */
  disagrees: string;
  notes: string;
}

/** An item parked for later. */
export interface SummaryParked {
  sectionId: string;
  part: string;
  label: string;
  notes: string;
}

/** The session summary as plain data. */
export interface SessionSummary {
  generatedAt: string;
  workshop: { title: string; client: string; facilitator: string; date: string };
  /** The agreement's next review date, or "not set". */
  nextReview: string;
  totals: { items: number; agreed: number; disputed: number; parked: number; toDiscuss: number };
  /** Parts with items (or with time on the agenda), in agenda order. */
  parts: SummaryPart[];
  disputed: SummaryDisputed[];
  /** Consensus items in the state "parked", with their notes. */
  parked: SummaryParked[];
  /** Open topics of the parking lot. */
  parkedTopics: { topic: string; raisedBy: string; notes: string }[];
  /** Parking-lot topics already resolved (counted, not listed). */
  resolvedTopics: number;
  decisions: { text: string; by: string; when: string }[];
  /** Open first, then by due date (undated last), then done. */
  actions: { task: string; owner: string; due: string; status: 'open' | 'done' }[];
  session?: SessionFacts;
  /** Agenda items of the session that match no part of the agreement. */
  otherAgendaItems: SessionSectionFacts[];
}

/** "Stage “MQL”" → "MQL"; other labels as they are. */
export function shortLabel(label: string): string {
  const quoted = /^[^“]*“(.*)”$/.exec(label);
  return (quoted ? quoted[1]! : label).trim() || label;
}

function disagreeing(positions: ConsensusItem['positions']): string {
  const marketing = positions.marketing === 'disagree';
  const sales = positions.sales === 'disagree';
  return marketing && sales ? 'Marketing and sales' : marketing ? 'Marketing' : sales ? 'Sales' : '—';
}

function whole(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}

/** Open actions first, by due date (undated last), then done ones the same way; ties keep their order. */
function actionOrder(a: { status: string; due: string; index: number }, b: { status: string; due: string; index: number }): number {
  if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
  if (a.due !== b.due) {
    if (a.due === '') return 1;
    if (b.due === '') return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.index - b.index;
}

/** Builds the session summary of an agreement; `session` is the timer's record, when there is one. */
export function buildSessionSummary(agreement: Agreement, options: { generatedAt: Date | string; session?: SessionFacts }): SessionSummary {
  const { workshop } = agreement;
  const generatedAt = typeof options.generatedAt === 'string' ? options.generatedAt : options.generatedAt.toISOString();
  const session = options.session
    ? { ...options.session, plannedMinutes: whole(options.session.plannedMinutes), spentMinutes: whole(options.session.spentMinutes), sections: options.session.sections.map((entry) => ({ ...entry, plannedMinutes: whole(entry.plannedMinutes), spentMinutes: whole(entry.spentMinutes) })) }
    : undefined;

  const parts = new Map<string, SummaryPart>(sections.map((section) => [section.id, { sectionId: section.id, number: section.number, title: section.title, total: 0, agreed: 0, disputed: 0, parked: 0, toDiscuss: 0, agreedLabels: [] }]));
  const disputed: SummaryDisputed[] = [];
  const parked: SummaryParked[] = [];
  for (const item of consensusItems(agreement)) {
    const part = parts.get(item.section)!;
    part.total += 1;
    if (item.state === 'agreed') {
      part.agreed += 1;
      part.agreedLabels.push(shortLabel(item.label));
    } else if (item.state === 'disputed') {
      part.disputed += 1;
      disputed.push({ sectionId: item.section, part: part.title, label: item.label, disagrees: disagreeing(item.positions), notes: item.consensus.notes.trim() });
    } else if (item.state === 'parked') {
      part.parked += 1;
      parked.push({ sectionId: item.section, part: part.title, label: item.label, notes: item.consensus.notes.trim() });
    } else {
      part.toDiscuss += 1;
    }
  }

  const otherAgendaItems: SessionSectionFacts[] = [];
  for (const entry of session?.sections ?? []) {
    const title = entry.title.trim().toLowerCase();
    const part = (entry.sectionId !== undefined ? parts.get(entry.sectionId) : undefined) ?? [...parts.values()].find((candidate) => candidate.title.toLowerCase() === title);
    if (part && !part.time) part.time = { plannedMinutes: entry.plannedMinutes, spentMinutes: entry.spentMinutes, skipped: entry.skipped };
    else otherAgendaItems.push(entry);
  }

  const listed = [...parts.values()].filter((part) => part.total > 0 || part.time !== undefined);
  const totals = { items: 0, agreed: 0, disputed: 0, parked: 0, toDiscuss: 0 };
  for (const part of listed) {
    totals.items += part.total;
    totals.agreed += part.agreed;
    totals.disputed += part.disputed;
    totals.parked += part.parked;
    totals.toDiscuss += part.toDiscuss;
  }

  const actions = agreement.actions
    .map((action, index) => ({ task: action.task.trim(), owner: action.owner.trim(), due: action.due, status: action.status, index }))
    .sort(actionOrder)
    .map(({ index: _index, ...action }) => action);

  return {
    generatedAt,
    workshop: { title: workshop.title.trim(), client: workshop.client.trim(), facilitator: workshop.facilitator.trim(), date: workshop.date },
    nextReview: workshop.nextReviewDate.trim() || 'not set',
    totals,
    parts: listed,
    disputed,
    parked,
    parkedTopics: agreement.parkingLot.filter((topic) => topic.status === 'open').map((topic) => ({ topic: topic.topic.trim(), raisedBy: topic.raisedBy.trim(), notes: topic.notes.trim() })),
    resolvedTopics: agreement.parkingLot.filter((topic) => topic.status === 'resolved').length,
    decisions: agreement.decisions.map((decision) => ({ text: decision.text.trim(), by: decision.by.trim(), when: decision.decidedAt.trim() })),
    actions,
    ...(session ? { session } : {}),
    otherAgendaItems,
  };
}

/**
 * The session's facts from the agenda and its timer at `now` (ms): planned
 * and spent minutes per part and in all, start and end. The caller passes
 * them to the summary; the time still running on the current part counts.
 */
export function sessionFactsOf(agenda: readonly AgendaItem[], timer: SessionTimer, now: number): SessionFacts {
  const running = timer.runningSince !== null ? agenda[timer.current] : undefined;
  const spentMs = (item: AgendaItem) => (timer.spent[item.sectionId] ?? 0) + (running && running.sectionId === item.sectionId ? now - timer.runningSince! : 0);
  const items = agenda.map((item) => ({ sectionId: item.sectionId, title: item.title, plannedMinutes: item.skipped ? 0 : item.minutes, spentMinutes: Math.round(spentMs(item) / 60_000), skipped: item.skipped }));
  return {
    ...(timer.startedAt !== null ? { startedAt: new Date(timer.startedAt).toISOString(), endedAt: new Date(now).toISOString() } : {}),
    plannedMinutes: items.reduce((total, item) => total + item.plannedMinutes, 0),
    spentMinutes: Math.round(agenda.reduce((total, item) => total + spentMs(item), 0) / 60_000),
    sections: items,
  };
}

/** "45 min", "2 h", "3 h 05 min". */
export function formatMinutes(minutes: number): string {
  const value = whole(minutes);
  if (value < 60) return `${value} min`;
  const rest = value % 60;
  return rest === 0 ? `${Math.floor(value / 60)} h` : `${Math.floor(value / 60)} h ${String(rest).padStart(2, '0')} min`;
}

/**
 * A time of the session for people, in the workshop's time zone (this computer's without one): "09:02" on the
 * workshop's day, else "24 Nov 2026, 09:02 CET"; other text as given.
 */
export function formatSessionTime(value: string | undefined, day: string, timeZone?: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) return value;
  return formatDay(date, timeZone) === formatDay(day) ? formatTime(date, timeZone) : formatDateTime(date, timeZone);
}

/** "3 h 12 min of 3 h, 09:02–12:14" (time spent of time planned), the times in the workshop's time zone. */
export function describeSession(session: SessionFacts, day: string, timeZone?: string): string {
  const from = formatSessionTime(session.startedAt, day, timeZone);
  const to = formatSessionTime(session.endedAt, day, timeZone);
  const span = from && to ? `, ${from}–${to}` : from ? `, from ${from}` : '';
  return `${formatMinutes(session.spentMinutes)} of ${formatMinutes(session.plannedMinutes)}${span}`;
}

/** "22 / 20 min", "skipped", or "" without a session record. */
export function describePartTime(time: SummaryPart['time'] | SessionSectionFacts | undefined): string {
  if (!time) return '';
  if (time.skipped) return time.spentMinutes > 0 ? `skipped (${time.spentMinutes} min)` : 'skipped';
  return `${time.spentMinutes} / ${time.plannedMinutes} min`;
}

/** "1 disputed, 2 parked, 3 to discuss", or "" when nothing is open. */
export function describeOpen(part: Pick<SummaryPart, 'disputed' | 'parked' | 'toDiscuss'>): string {
  return [part.disputed ? `${part.disputed} disputed` : '', part.parked ? `${part.parked} parked` : '', part.toDiscuss ? `${part.toDiscuss} to discuss` : ''].filter(Boolean).join(', ');
}

/** At most this many agreed items are named per part on the one-pager; the rest are counted ("+ 12 more"). */
export const AGREED_LABELS_SHOWN = 3;
/** About one line of the one-pager's last column. */
const LINE_CHARS = 52;
const LABEL_CHARS = 30;

/**
 * "Inquiry, MQL, SAL + 12 more": the first agreed items by name, as many as
 * fit on one line (at least one, at most three), the others counted, so none
 * is left out silently.
 */
export function agreedLabelsText(part: Pick<SummaryPart, 'agreedLabels'>, shown = AGREED_LABELS_SHOWN): string {
  if (part.agreedLabels.length === 0) return '—';
  const clip = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…` : label);
  const names: string[] = [];
  for (const label of part.agreedLabels.slice(0, shown)) {
    const name = clip(label);
    const more = part.agreedLabels.length - names.length - 1;
    const length = [...names, name].join(', ').length + (more > 0 ? ` + ${more} more`.length : 0);
    if (names.length > 0 && length > LINE_CHARS) break;
    names.push(name);
  }
  const more = part.agreedLabels.length - names.length;
  return `${names.join(', ')}${more > 0 ? ` + ${more} more` : ''}`;
}

const dash = (text: string) => (text.trim() === '' ? '—' : text);

/**
 * The summary as a document in the shared model: a one-page report (masthead,
 * key facts, then the lists), no signature page, no audit page. Agreed items
 * are counted per part with a few names; disputed, parked, decisions and
 * actions are listed in full, so a long session flows onto a second page
 * rather than losing anything.
 */
export function summaryDocument(summary: SessionSummary, agreement: Agreement, consultant?: AgreementDocument['consultant']): AgreementDocument {
  const { workshop, totals } = summary;
  const day = workshop.date;
  const timeZone = agreement.calendar?.timeZone;
  const withTime = summary.session !== undefined;
  const agreedRows = summary.parts.map((part) => {
    const row = [`${part.number}. ${part.title}`, part.total ? `${part.agreed} of ${part.total}` : '—', dash(describeOpen(part)), part.total ? agreedLabelsText(part) : '—'];
    return withTime ? [...row.slice(0, 3), dash(describePartTime(part.time)), row[3]!] : row;
  });
  for (const other of summary.otherAgendaItems) agreedRows.push([other.title, '—', '—', describePartTime(other), '—']);

  const parkedRows = [...summary.parked.map((item) => [item.label, item.part, dash(item.notes)]), ...summary.parkedTopics.map((topic) => [topic.topic, topic.raisedBy ? `Parking lot, raised by ${topic.raisedBy}` : 'Parking lot', dash(topic.notes)])];
  const openActions = summary.actions.filter((action) => action.status === 'open').length;

  const docSections: DocumentSection[] = [
    {
      id: 'agreed',
      title: 'What was agreed',
      blocks: [{ kind: 'table', columns: withTime ? ['Part', 'Agreed', 'Still open', 'Spent / planned', 'Agreed items'] : ['Part', 'Agreed', 'Still open', 'Agreed items'], rows: agreedRows }],
    },
    {
      id: 'disputed',
      title: `Still disputed (${summary.disputed.length})`,
      blocks: [summary.disputed.length > 0 ? { kind: 'table', columns: ['Item', 'Part', 'Who disagrees', 'Notes'], rows: summary.disputed.map((item) => [item.label, item.part, item.disagrees, dash(item.notes)]) } : { kind: 'paragraph', text: 'Nothing is disputed.' }],
    },
    {
      id: 'parked',
      title: `Parked for later (${parkedRows.length})`,
      blocks: [
        parkedRows.length > 0 ? { kind: 'table', columns: ['Item or topic', 'From', 'Notes'], rows: parkedRows } : { kind: 'paragraph', text: 'Nothing is parked.' },
        ...(summary.resolvedTopics > 0 ? [{ kind: 'paragraph', text: `Resolved in the parking lot, not listed: ${summary.resolvedTopics} ${summary.resolvedTopics === 1 ? 'topic' : 'topics'}.` } satisfies Block] : []),
      ],
    },
    {
      id: 'decisions',
      title: `Decisions (${summary.decisions.length})`,
      blocks: [summary.decisions.length > 0 ? { kind: 'table', columns: ['When', 'Decision', 'By'], rows: summary.decisions.map((decision) => [dash(decision.when), decision.text, dash(decision.by)]) } : { kind: 'paragraph', text: 'No decisions logged.' }],
    },
    {
      id: 'actions',
      title: `Action items (${openActions} open)`,
      blocks: [
        summary.actions.length > 0 ? { kind: 'table', columns: ['Task', 'Owner', 'Due', 'Status'], rows: summary.actions.map((action) => [action.task, dash(action.owner), action.due ? formatDay(action.due) : '—', action.status === 'open' ? 'Open' : 'Done']) } : { kind: 'paragraph', text: 'No action items.' },
      ],
    },
  ];

  const title = workshop.title || 'Untitled workshop';
  const coverFacts: [string, string][] = [
    ['Facilitator', dash(workshop.facilitator)],
    ['Next review', /^\d{4}-\d{2}-\d{2}$/.test(summary.nextReview) ? formatDay(summary.nextReview) : summary.nextReview],
    ['Agreed', `${totals.agreed} of ${totals.items} items`],
    ['Still open', describeOpen(totals) || 'nothing'],
    ['Action items', `${openActions} open${summary.actions.length > openActions ? `, ${summary.actions.length - openActions} done` : ''}`],
    ...(summary.session ? [['Session', describeSession(summary.session, day, timeZone)] as [string, string]] : []),
  ];

  return {
    title: 'Session summary',
    client: dash(workshop.client),
    facilitator: dash(workshop.facilitator),
    date: dash(day),
    validUntil: dayText(addMonths(agreement.workshop.date, agreement.workshop.validityMonths)),
    nextReview: summary.nextReview,
    versionLabel: `Session of ${day ? formatDay(day) : formatDay(summary.generatedAt, timeZone)}`,
    // A record of the session: nothing here is signed, and nothing is a draft to warn about.
    kind: 'report',
    statusLine: title,
    contentHash: contentHash(summary),
    generatedAt: summary.generatedAt,
    ...(timeZone ? { timeZone } : {}),
    consultant,
    sections: docSections,
    signatures: [],
    history: [],
    report: {
      coverFacts,
      attachmentName: 'session-summary.json',
      layout: 'one-page',
      subtitle: [workshop.client, title, day ? formatDay(day) : ''].filter((part) => part.trim() !== '').join(' · '),
      keyword: 'session summary',
    },
  };
}

/** The session summary as Markdown (the same document as the PDF). */
export function sessionSummaryMarkdown(summary: SessionSummary, agreement: Agreement, consultant?: AgreementDocument['consultant']): string {
  return renderMarkdown(summaryDocument(summary, agreement, consultant));
}
