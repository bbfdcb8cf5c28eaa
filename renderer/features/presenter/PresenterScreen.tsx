import '../../components/mantine-ui-styles';
import { ActionIcon, Progress, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowsMaximize, IconArrowsMinimize, IconCircleCheck, IconClock, IconRefresh, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { formatCountdown, status as sessionStatus } from '../../../shared/engines/agenda/agenda';
import type { Agreement } from '../../../shared/model/agreement';
import { changedPositionText, isChanged, type PositionStatus } from '../../../shared/model/consensus';
import { agreedOnText } from '../../../shared/model/consensus-history';
import { committeeGrid, engagementLevels, gradeGrid, itemSubstance, planFunnel, workshopFacts, type SubstanceLine } from '../../../shared/model/item-substance';
import { consensusItems, sectionProgress, sections, type ConsensusItem, type SectionId } from '../../../shared/model/sections';
import { formatDateTime, formatDay } from '../../../shared/text/datetime';
import { useNow } from '../../components/clock';
import { clockTime } from '../../components/time-format';
import { openPresenterLink, type PresenterSnapshot } from './presenter-channel';
import './presenter.css';

const stateLabels = { proposed: 'Proposed', agreed: 'Agreed', disputed: 'Disputed', parked: 'Parked' } as const;
const DEFAULT_ACCENT = '#1f4fa3';
/** Items drawn across the whole slide: their substance is a picture or a long list (the plan, the grade grid, the framework's questions, the decision-maker grid). */
const wideKinds: ReadonlySet<ConsensusItem['kind']> = new Set(['revenue-plan', 'thresholds', 'framework', 'committee']);

/** Black or white, whichever reads better on the accent (WCAG relative luminance): the consultant picks the accent. */
function textOn(accent: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/iu.exec(accent);
  if (!match) return '#fff';
  const [r, g, b] = match.slice(1).map((hex) => {
    const channel = Number.parseInt(hex, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05: white wins below L ≈ 0.179.
  return luminance < 0.179 ? '#fff' : '#000';
}

/**
 * The presenter window: what the room sees on the projector. Read-only; it
 * follows the facilitator's window live (the part, each item's substance and
 * consensus, the item being worked on, the timer) over a BroadcastChannel.
 * F toggles full screen.
 */
export function PresenterScreen({ workshopId }: { workshopId: string }) {
  const [snapshot, setSnapshot] = useState<PresenterSnapshot | null>(null);
  const [closed, setClosed] = useState(false);
  useEffect(() => {
    const link = openPresenterLink();
    if (!link) return undefined;
    const unsubscribe = link.subscribe((message) => {
      if (message.type === 'state' && message.snapshot.workshopId === workshopId) {
        setSnapshot(message.snapshot);
        setClosed(false);
      } else if (message.type === 'closed' && message.workshopId === workshopId) setClosed(true);
    });
    link.post({ type: 'hello', workshopId });
    // Ask again now and then while nobody answered (the facilitator's window may still be opening).
    const retry = setInterval(() => link.post({ type: 'hello', workshopId }), 1000);
    return () => {
      clearInterval(retry);
      unsubscribe();
      link.close();
    };
  }, [workshopId]);
  useEffect(() => {
    document.title = snapshot ? `${snapshot.agreement.workshop.title} · Presenter · Accord` : 'Presenter · Accord';
  }, [snapshot]);

  const [fullScreen, setFullScreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'f' && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        toggleFullScreen();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  if (!snapshot) {
    return (
      <main className="presenter presenter-waiting" style={{ '--presenter-accent': DEFAULT_ACCENT } as CSSProperties}>
        <h1 className="presenter-waiting-title">Presenter view</h1>
        <p role="status">Waiting for the facilitator’s window… Keep the workshop open in Accord; this screen follows it.</p>
      </main>
    );
  }
  return <PresenterStage snapshot={snapshot} closed={closed} fullScreen={fullScreen} />;
}

function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

function PresenterStage({ snapshot, closed, fullScreen }: { snapshot: PresenterSnapshot; closed: boolean; fullScreen: boolean }) {
  const { agreement, branding } = snapshot;
  const accent = branding?.accent ?? DEFAULT_ACCENT;
  const section = sections.find((entry) => entry.id === snapshot.section) ?? sections[0];
  const items = useMemo(() => consensusItems(agreement), [agreement]);
  const progress = useMemo(() => {
    const all = Object.values(sectionProgress(agreement));
    return { settled: all.reduce((sum, entry) => sum + entry.settled, 0), total: all.reduce((sum, entry) => sum + entry.total, 0), disputed: items.filter((item) => item.state === 'disputed').length, parked: items.filter((item) => item.state === 'parked').length };
  }, [agreement, items]);
  const openQuestions = snapshot.view === 'open-questions';
  const shown = useMemo(() => (openQuestions ? items.filter((item) => item.state === 'disputed' || item.state === 'parked') : items.filter((item) => item.section === section.id)), [openQuestions, items, section.id]);
  const focused = shown.find((item) => item.id === snapshot.focusedItem) ?? null;
  const slideKey = openQuestions ? 'open-questions' : section.id;
  const { scroller, range } = useFollowFocus(focused ? `presenter-item-${focused.id}` : null, slideKey, shown.length);

  return (
    <main className="presenter" style={{ '--presenter-accent': accent, '--presenter-on-accent': textOn(accent) } as CSSProperties} data-testid="presenter">
      <header className="presenter-top">
        <div className="presenter-brand">
          {branding?.logoDataUrl && <img src={branding.logoDataUrl} alt={branding.name ? `${branding.name} logo` : 'Logo'} className="presenter-logo" />}
          {branding?.name && <span className="presenter-brand-name">{branding.name}</span>}
        </div>
        <div className="presenter-workshop">{[agreement.workshop.client, agreement.workshop.title].filter((part) => part.trim() !== '').join(' · ') || 'Workshop'}</div>
        <PresenterTimer snapshot={snapshot} slide={openQuestions ? null : section.id} />
        <Tooltip label={fullScreen ? 'Leave full screen (F or Esc)' : 'Full screen (F)'}>
          <ActionIcon variant="subtle" color="gray" size="xl" aria-label={fullScreen ? 'Leave full screen' : 'Full screen'} onClick={toggleFullScreen}>
            {fullScreen ? <IconArrowsMinimize size={26} /> : <IconArrowsMaximize size={26} />}
          </ActionIcon>
        </Tooltip>
      </header>
      {closed && (
        <p className="presenter-closed" role="status">
          The facilitator closed this workshop; the screen shows where it stood.
        </p>
      )}
      {/* The part's heading stays; under it the slide scrolls (to the item being worked on) when a part has more than fits, focusable so the keyboard can scroll it too. */}
      <div className="presenter-heading">
        <p className="presenter-kicker">{openQuestions ? 'Open questions' : `Part ${section.number} of ${sections.length}`}</p>
        <h1 className="presenter-title" id="presenter-title" data-testid="presenter-title">
          {openQuestions ? 'Disputed and parked' : section.title}
        </h1>
      </div>
      <section className="presenter-slide" ref={scroller} tabIndex={0} aria-labelledby="presenter-title" aria-live="polite" aria-atomic="false" data-testid="presenter-slide">
        {openQuestions ? (
          <OpenQuestions items={shown} agreement={agreement} agreedOn={snapshot.agreedOn} focusedId={focused?.id ?? null} />
        ) : (
          <>
            {section.id === 'workshop' && <WorkshopFacts agreement={agreement} />}
            {section.id === 'log' && <LogLists agreement={agreement} />}
            {section.id !== 'workshop' && section.id !== 'log' && (shown.length === 0 ? <p className="presenter-note">Nothing in this part yet.</p> : <ItemList items={shown} agreement={agreement} agreedOn={snapshot.agreedOn} focusedId={focused?.id ?? null} label={`${section.title}: items`} />)}
          </>
        )}
      </section>
      <footer className="presenter-footer">
        <span data-testid="presenter-progress">
          {progress.settled} of {progress.total} items settled
        </span>
        {progress.disputed > 0 && <span className="presenter-footer-disputed">{progress.disputed} disputed</span>}
        {progress.parked > 0 && <span>{progress.parked} parked</span>}
        {range && (
          <span className="presenter-footer-range" data-testid="presenter-range">
            {range.first === range.last ? `Item ${range.first}` : `Items ${range.first}–${range.last}`} of {range.total}
            {range.last < range.total ? ' · more below' : range.first > 1 ? ' · more above' : ''}
          </span>
        )}
      </footer>
    </main>
  );
}

/**
 * Keeps the item being worked on in view: when it changes (or the part does),
 * scrolls the slide so the item shows whole (its top when it is taller than
 * the slide); says which items are on screen when not all are.
 */
function useFollowFocus(focusedElementId: string | null, slideKey: string, count: number) {
  const scroller = useRef<HTMLElement | null>(null);
  const [range, setRange] = useState<{ first: number; last: number; total: number } | null>(null);
  const measure = useCallback(() => {
    const box = scroller.current;
    if (!box) return;
    const cards = Array.from(box.querySelectorAll<HTMLElement>('[data-testid="presenter-item"]'));
    if (cards.length === 0 || box.scrollHeight <= box.clientHeight + 1) return setRange(null);
    const view = box.getBoundingClientRect();
    const visible = cards.map((card, index) => ({ index, rect: card.getBoundingClientRect() })).filter(({ rect }) => rect.top >= view.top - 2 && rect.bottom <= view.bottom + 2 && rect.height > 0);
    if (visible.length === 0) return setRange(null);
    const next = { first: visible[0]!.index + 1, last: visible.at(-1)!.index + 1, total: cards.length };
    setRange((current) => (current && current.first === next.first && current.last === next.last && current.total === next.total ? current : next));
  }, []);

  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const target = focusedElementId ? document.getElementById(focusedElementId) : null;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (target) {
      const tall = target.offsetHeight > box.clientHeight;
      target.scrollIntoView({ block: tall ? 'start' : 'nearest', behavior: smooth ? 'smooth' : 'auto' });
    }
    measure();
  }, [focusedElementId, measure]);
  // A new part starts at its top.
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [slideKey]);
  useEffect(() => {
    const box = scroller.current;
    if (!box) return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    box.addEventListener('scroll', measure, { passive: true });
    measure();
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, [measure, slideKey, count]);
  return { scroller, range };
}

/**
 * The countdown, only over the part it counts: when the timer runs on another
 * part than the slide shows (or the slide is the open questions), it says so
 * ("Timer: part 3 · 4:12") instead of passing that part's time for this one's.
 */
function PresenterTimer({ snapshot, slide }: { snapshot: PresenterSnapshot; slide: SectionId | null }) {
  const running = snapshot.timer.runningSince !== null;
  const now = useNow(250, running);
  if (snapshot.timer.startedAt === null && !running) return null;
  const current = sessionStatus(snapshot.timer, snapshot.agenda, now);
  if (!current.current) {
    return (
      <div className="presenter-timer" role="group" aria-label="Timer">
        <span className="presenter-timer-label">Agenda finished</span>
      </div>
    );
  }
  const part = sections.find((entry) => entry.id === current.current!.sectionId);
  const state = !running ? 'paused' : current.tone === 'overrun' ? 'over time' : '';
  if (current.current.sectionId !== slide) {
    return (
      <div className="presenter-timer presenter-timer-elsewhere" role="group" aria-label="Timer" data-tone={current.tone} data-testid="presenter-timer-elsewhere">
        <span className="presenter-timer-label">
          Timer: {part ? `part ${part.number}` : current.current.title} · <span className="presenter-timer-value">{formatCountdown(current.remainingMs)}</span>
          {state && ` · ${state}`}
        </span>
      </div>
    );
  }
  const percent = current.boxMs > 0 ? Math.min(100, (current.spentMs / current.boxMs) * 100) : 0;
  return (
    <div className="presenter-timer" role="group" aria-label="Timer" data-tone={current.tone}>
      <div className="presenter-countdown" role="timer" data-testid="presenter-countdown">
        {formatCountdown(current.remainingMs)}
      </div>
      <div className="presenter-timer-side">
        <Progress value={percent} size="lg" color={current.tone === 'overrun' ? 'red.8' : current.tone === 'ending' ? 'orange.8' : 'var(--presenter-accent)'} aria-label="Time box used" />
        <span className="presenter-timer-foot">
          {state ? `${state[0]!.toUpperCase()}${state.slice(1)}` : current.projectedEnd !== null ? `Ends ${clockTime(current.projectedEnd)}` : ''}
          {(current.lateMinutes ?? 0) > 0 ? ` (+${current.lateMinutes} min)` : ''}
        </span>
      </div>
    </div>
  );
}

function Lines({ lines }: { lines: SubstanceLine[] }) {
  return (
    <div className="presenter-lines">
      {lines.map((line, index) => (
        <p key={`${line.label}-${index}`} className="presenter-line">
          <span className="presenter-line-label">{line.label}</span> <span className="presenter-line-text">{line.text}</span>
        </p>
      ))}
    </div>
  );
}

function PositionMark({ team, status }: { team: string; status: PositionStatus }) {
  if (isChanged(status)) {
    return (
      <span className="presenter-position" data-position={status} data-testid="presenter-position-changed">
        <IconRefresh size="1em" aria-hidden />
        {team}: {changedPositionText(status)}
      </span>
    );
  }
  return (
    <span className="presenter-position" data-position={status}>
      {status === 'agree' ? <IconThumbUp size="1em" aria-hidden /> : status === 'disagree' ? <IconThumbDown size="1em" aria-hidden /> : <IconClock size="1em" aria-hidden />}
      {status === 'agree' ? `${team} agrees` : status === 'disagree' ? `${team} disagrees` : `Waiting for ${team.toLowerCase()}`}
    </span>
  );
}

function ItemCard({ item, agreement, agreedOn, focused, withPart = false }: { item: ConsensusItem; agreement: Agreement; agreedOn: PresenterSnapshot['agreedOn']; focused: boolean; withPart?: boolean }) {
  const substance = itemSubstance(agreement, item);
  const version = item.state === 'agreed' ? agreedOn?.[`${item.section}:${item.id}`] : undefined;
  const part = sections.find((entry) => entry.id === item.section)!;
  return (
    <li className="presenter-item" id={`presenter-item-${item.id}`} data-state={item.state} data-kind={item.kind} data-wide={wideKinds.has(item.kind) || undefined} data-focused={focused || undefined} aria-current={focused || undefined} data-testid="presenter-item">
      {withPart && <p className="presenter-item-part">Part {part.number} · {part.title}</p>}
      <div className="presenter-item-head">
        <h2 className="presenter-item-title">{substance?.title ?? item.label}</h2>
        <span className="presenter-state" data-state={item.state} data-testid="presenter-item-state">
          {stateLabels[item.state]}
        </span>
      </div>
      {item.kind === 'revenue-plan' ? <PlanPicture agreement={agreement} lines={substance?.lines ?? []} /> : item.kind === 'thresholds' ? <GradePicture agreement={agreement} lines={substance?.lines ?? []} /> : item.kind === 'committee' ? <CommitteePicture agreement={agreement} /> : <Lines lines={substance?.lines ?? []} />}
      <div className="presenter-item-positions">
        <PositionMark team="Marketing" status={item.positions.marketing} />
        <PositionMark team="Sales" status={item.positions.sales} />
        {version !== undefined && (
          <span className="presenter-position" data-testid="presenter-agreed-on">
            {agreedOnText(version)}
          </span>
        )}
      </div>
      {item.state !== 'agreed' && item.consensus.notes.trim() !== '' && <p className="presenter-item-notes">{item.consensus.notes}</p>}
    </li>
  );
}

function ItemList({ items, agreement, agreedOn, focusedId, label, withPart = false }: { items: ConsensusItem[]; agreement: Agreement; agreedOn: PresenterSnapshot['agreedOn']; focusedId: string | null; label: string; withPart?: boolean }) {
  return (
    <ul className="presenter-items" aria-label={label}>
      {items.map((item) => (
        <ItemCard key={`${item.section}-${item.id}`} item={item} agreement={agreement} agreedOn={agreedOn} focused={item.id === focusedId} withPart={withPart} />
      ))}
    </ul>
  );
}

/** The plan: its inputs, the funnel it needs per month and week (shared funnel engine), and the capacity verdict. */
function PlanPicture({ agreement, lines }: { agreement: Agreement; lines: SubstanceLine[] }) {
  const funnel = useMemo(() => planFunnel(agreement), [agreement]);
  return (
    <div className="presenter-plan">
      <Lines lines={lines} />
      {funnel.ok ? (
        <div className="presenter-funnel-block">
          <div className="presenter-funnel" role="img" aria-label={`Funnel chart, what the plan needs per month: ${funnel.levels.map((level) => `${level.label} ${level.perMonth}`).join(', ')}`}>
            {funnel.levels.map((level, index) => (
              // The widths draw a funnel (top to bottom); the figures are the values.
              <div key={level.label} className="presenter-funnel-row" style={{ width: `${100 - index * (55 / Math.max(1, funnel.levels.length - 1))}%` }}>
                <span className="presenter-funnel-label">{level.label}</span>
                <span className="presenter-funnel-value">{level.perMonth}</span>
              </div>
            ))}
          </div>
          <p className="presenter-funnel-unit">Per month</p>
        </div>
      ) : (
        <p className="presenter-verdict" data-status="incomplete">
          The funnel appears once the plan’s figures are filled in: {funnel.reasons.join(' ')}
        </p>
      )}
      {funnel.ok && (
        <p className="presenter-verdict" data-status={funnel.capacity.status} data-testid="presenter-capacity">
          {funnel.capacity.status === 'ok' ? <IconCircleCheck size="1.1em" aria-hidden /> : <IconAlertTriangle size="1.1em" aria-hidden />}
          <span>
            <strong>{funnel.capacity.status === 'ok' ? 'Capacity fits. ' : funnel.capacity.status === 'tight' ? 'Capacity is tight. ' : 'Over capacity. '}</strong>
            {funnel.capacity.message}
          </span>
        </p>
      )}
    </div>
  );
}

/** Grades and the MQL rule as a picture: the 4 × 4 grid of fit grade × engagement level, the MQL cells filled. */
function GradePicture({ agreement, lines }: { agreement: Agreement; lines: SubstanceLine[] }) {
  const { fitThresholds, engagementThresholds } = agreement.scoring;
  const grid = gradeGrid(agreement.scoring);
  const bound = (value: number | null) => (value === null ? 'not set' : `≥ ${value}`);
  const fitBound = { A: bound(fitThresholds.A), B: bound(fitThresholds.B), C: bound(fitThresholds.C), D: 'below' } as const;
  const levelBound = { 4: bound(engagementThresholds[4]), 3: bound(engagementThresholds[3]), 2: bound(engagementThresholds[2]), 1: 'below' } as const;
  return (
    <div className="presenter-grades">
      <Lines lines={lines} />
      <table className="presenter-grid" data-testid="presenter-grade-grid">
        <caption className="presenter-sr-only">Fit grade by engagement level; the filled cells are MQLs</caption>
        <thead>
          <tr>
            <th scope="col">Fit \ engagement</th>
            {engagementLevels.map((level) => (
              <th key={level} scope="col">
                {level} <span className="presenter-grid-bound">{levelBound[level]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.map((row) => (
            <tr key={row[0]!.grade}>
              <th scope="row">
                {row[0]!.grade} <span className="presenter-grid-bound">{fitBound[row[0]!.grade]}</span>
              </th>
              {row.map((cell) => (
                <td key={cell.level} data-mql={cell.mql || undefined}>
                  {cell.grade}
                  {cell.level}
                  {cell.mql ? ' MQL' : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The decision-maker grid as a picture: job function × seniority, each cell its points and buying role. */
function CommitteePicture({ agreement }: { agreement: Agreement }) {
  const grid = committeeGrid(agreement);
  if (grid.rows.length === 0 || grid.seniorities.length === 0) return <p className="presenter-note">No job functions or seniorities yet.</p>;
  return (
    <>
      <table className="presenter-grid presenter-committee" data-testid="presenter-committee-grid">
        <caption className="presenter-sr-only">Points and buying role by job function and seniority</caption>
        <thead>
          <tr>
            <th scope="col">Function</th>
            {grid.seniorities.map((seniority) => (
              <th key={seniority} scope="col">
                {seniority}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.function}>
              <th scope="row">{row.function}</th>
              {row.cells.map((cell) => (
                <td key={cell.seniority} data-role={cell.role ?? undefined}>
                  {cell.points === null ? '—' : `${cell.points > 0 ? '+' : ''}${cell.points}`}
                  {cell.role && <span className="presenter-grid-role">{cell.role}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Lines lines={[{ label: 'Required for SQL', text: grid.requiredRoles.join(', ') || 'no role required' }]} />
    </>
  );
}

/** Part 1: who, when, and the people in the room (it has no items to agree). */
function WorkshopFacts({ agreement }: { agreement: Agreement }) {
  const facts = workshopFacts(agreement);
  return (
    <div className="presenter-workshop-facts">
      <Lines lines={facts.lines} />
      <section aria-label="People in the room" className="presenter-people">
        <h2>In the room</h2>
        {facts.people.length === 0 ? (
          <p className="presenter-note">Nobody listed yet.</p>
        ) : (
          <ul>
            {facts.people.map((person, index) => (
              <li key={index}>
                <span className="presenter-log-main">{person.name}</span>
                {person.detail && <span className="presenter-log-detail">{person.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function OpenQuestions({ items, agreement, agreedOn, focusedId }: { items: ConsensusItem[]; agreement: Agreement; agreedOn: PresenterSnapshot['agreedOn']; focusedId: string | null }) {
  const topics = agreement.parkingLot.filter((topic) => topic.status === 'open');
  if (items.length === 0 && topics.length === 0) return <p className="presenter-note">Nothing is disputed or parked.</p>;
  return (
    <>
      {items.length > 0 && <ItemList items={items} agreement={agreement} agreedOn={agreedOn} focusedId={focusedId} label="Disputed and parked items" withPart />}
      {topics.length > 0 && <LogList title="Parking lot" entries={topics.map((topic) => ({ id: topic.id, main: topic.topic || 'Untitled topic', detail: [topic.raisedBy && `raised by ${topic.raisedBy}`, topic.notes].filter(Boolean).join(' · ') }))} />}
    </>
  );
}

function LogLists({ agreement }: { agreement: Agreement }) {
  const timeZone = agreement.calendar?.timeZone;
  return (
    <div className="presenter-log">
      <LogList title="Parking lot" entries={agreement.parkingLot.map((topic) => ({ id: topic.id, main: topic.topic || 'Untitled topic', detail: [topic.status === 'resolved' ? 'resolved' : 'open', topic.raisedBy && `raised by ${topic.raisedBy}`].filter(Boolean).join(' · ') }))} />
      <LogList title="Decisions" entries={agreement.decisions.map((decision) => ({ id: decision.id, main: decision.text || 'Untitled decision', detail: [decision.by, decision.decidedAt && formatDateTime(decision.decidedAt, timeZone)].filter(Boolean).join(' · ') }))} />
      <LogList title="Action items" entries={agreement.actions.map((action) => ({ id: action.id, main: action.task || 'Untitled action', detail: [action.owner || 'no owner yet', action.due ? `due ${formatDay(action.due)}` : 'no date yet', action.status === 'done' ? 'done' : ''].filter(Boolean).join(' · ') }))} />
    </div>
  );
}

function LogList({ title, entries }: { title: string; entries: { id: string; main: string; detail: string }[] }): ReactNode {
  return (
    <section className="presenter-log-list" aria-label={title}>
      <h2>{title}</h2>
      {entries.length === 0 ? (
        <p className="presenter-note">None yet.</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id}>
              <span className="presenter-log-main">{entry.main}</span>
              {entry.detail && <span className="presenter-log-detail">{entry.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
