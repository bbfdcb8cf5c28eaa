import '../../components/mantine-ui-styles';
import { ActionIcon, Badge, Progress, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowsMaximize, IconArrowsMinimize, IconThumbDown, IconThumbUp, IconClock, IconRefresh } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { formatCountdown, status as sessionStatus } from '../../../shared/engines/agenda/agenda';
import { computeFunnel, funnelInputsOf } from '../../../shared/engines/funnel/funnel';
import type { Agreement } from '../../../shared/model/agreement';
import { changedPositionText, isChanged, type PositionStatus } from '../../../shared/model/consensus';
import { agreedOnText } from '../../../shared/model/consensus-history';
import { consensusItems, sectionProgress, sections, type ConsensusItem } from '../../../shared/model/sections';
import { useNow } from '../../components/clock';
import { clockTime } from '../session/time-format';
import { openPresenterLink, type PresenterSnapshot } from './presenter-channel';
import './presenter.css';

const FunnelChart = lazy(() => import('../workshop/sections/FunnelChart').then((module) => ({ default: module.FunnelChart })));

const stateLabels = { proposed: 'Proposed', agreed: 'Agreed', disputed: 'Disputed', parked: 'Parked' } as const;
const stateColors = { proposed: 'gray', agreed: 'teal', disputed: 'red', parked: 'yellow' } as const;
const DEFAULT_ACCENT = '#1f4fa3';

/**
 * The presenter window: what the room sees on the projector. Read-only; it
 * follows the facilitator's window live (section, items and their consensus,
 * the timer) over a BroadcastChannel. F toggles full screen.
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
  return (
    <main className="presenter" style={{ '--presenter-accent': accent } as CSSProperties} data-testid="presenter">
      <header className="presenter-top">
        <div className="presenter-brand">
          {branding?.logoDataUrl && <img src={branding.logoDataUrl} alt={branding.name ? `${branding.name} logo` : 'Logo'} className="presenter-logo" />}
          {branding?.name && <span className="presenter-brand-name">{branding.name}</span>}
        </div>
        <div className="presenter-workshop">
          <span>{agreement.workshop.client || 'Workshop'}</span>
          <span aria-hidden> · </span>
          <span>{agreement.workshop.title}</span>
        </div>
        <Tooltip label={fullScreen ? 'Leave full screen (F or Esc)' : 'Full screen (F)'}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={fullScreen ? 'Leave full screen' : 'Full screen'} onClick={toggleFullScreen}>
            {fullScreen ? <IconArrowsMinimize size={20} /> : <IconArrowsMaximize size={20} />}
          </ActionIcon>
        </Tooltip>
      </header>
      {closed && (
        <p className="presenter-closed" role="status">
          The facilitator closed this workshop; the screen shows where it stood.
        </p>
      )}
      <div className="presenter-body">
        <section className="presenter-main" aria-live="polite" aria-atomic="false">
          {openQuestions ? (
            <>
              <Text className="presenter-kicker">Open questions</Text>
              <Title order={1} className="presenter-title" data-testid="presenter-title">
                Disputed and parked
              </Title>
              <OpenQuestions items={items} agreement={agreement} agreedOn={snapshot.agreedOn} />
            </>
          ) : (
            <>
              <Text className="presenter-kicker">
                Part {section.number} of {sections.length}
              </Text>
              <Title order={1} className="presenter-title" data-testid="presenter-title">
                {section.title}
              </Title>
              <Text className="presenter-summary">{section.summary}</Text>
              {section.id === 'revenue' && <PresenterFunnel agreement={agreement} />}
              <SectionItems items={items.filter((item) => item.section === section.id)} agreedOn={snapshot.agreedOn} />
              {section.id === 'log' && <LogLists agreement={agreement} />}
            </>
          )}
        </section>
        <PresenterTimer snapshot={snapshot} />
      </div>
      <footer className="presenter-footer">
        <span data-testid="presenter-progress">
          {progress.settled} of {progress.total} items settled
        </span>
        {progress.disputed > 0 && <span className="presenter-footer-disputed">{progress.disputed} disputed</span>}
        {progress.parked > 0 && <span>{progress.parked} parked</span>}
        <span className="presenter-footer-hint">F: full screen</span>
      </footer>
    </main>
  );
}

function PresenterTimer({ snapshot }: { snapshot: PresenterSnapshot }) {
  const running = snapshot.timer.runningSince !== null;
  const now = useNow(250, running);
  const current = sessionStatus(snapshot.timer, snapshot.agenda, now);
  if (snapshot.timer.startedAt === null && !running) {
    return (
      <aside className="presenter-timer" aria-label="Timer">
        <Text className="presenter-timer-label">
          <IconClock size={20} aria-hidden /> Session not started
        </Text>
      </aside>
    );
  }
  if (!current.current) {
    return (
      <aside className="presenter-timer" aria-label="Timer">
        <Text className="presenter-timer-label">Agenda finished</Text>
      </aside>
    );
  }
  const percent = current.boxMs > 0 ? Math.min(100, (current.spentMs / current.boxMs) * 100) : 0;
  return (
    <aside className="presenter-timer" aria-label="Timer" data-tone={current.tone}>
      <Text className="presenter-timer-label">{current.current.title}</Text>
      <div className="presenter-countdown" role="timer" data-testid="presenter-countdown">
        {formatCountdown(current.remainingMs)}
      </div>
      <Progress value={percent} size="md" color={current.tone === 'overrun' ? 'red.8' : current.tone === 'ending' ? 'orange.8' : 'var(--presenter-accent)'} aria-label="Time box used" />
      <Text className="presenter-timer-foot">
        {!running ? 'Paused · ' : current.tone === 'overrun' ? 'Over time · ' : ''}
        {current.projectedEnd !== null ? `Ends ${clockTime(current.projectedEnd)}` : ''}
        {(current.lateMinutes ?? 0) > 0 ? ` (+${current.lateMinutes} min)` : ''}
      </Text>
    </aside>
  );
}

function PresenterFunnel({ agreement }: { agreement: Agreement }) {
  const funnel = useMemo(() => computeFunnel(funnelInputsOf(agreement)), [agreement]);
  if (!funnel.ok) return <Text className="presenter-note">The funnel appears once the plan’s figures are filled in.</Text>;
  return (
    <div className="presenter-funnel">
      <Suspense fallback={<div style={{ height: 320 }} />}>
        <FunnelChart levels={funnel.levels} unit="perMonth" />
      </Suspense>
      <Text className="presenter-note">Per month</Text>
    </div>
  );
}

function PositionMark({ team, status }: { team: string; status: PositionStatus }) {
  if (isChanged(status)) {
    return (
      <span className="presenter-position" data-position={status} data-testid="presenter-position-changed">
        <IconRefresh size={18} aria-hidden />
        {team}: {changedPositionText(status)}
      </span>
    );
  }
  return (
    <span className="presenter-position" data-position={status}>
      {status === 'agree' ? <IconThumbUp size={18} aria-hidden /> : status === 'disagree' ? <IconThumbDown size={18} aria-hidden /> : <span aria-hidden>…</span>}
      {team} {status === 'agree' ? 'agrees' : status === 'disagree' ? 'disagrees' : 'to say'}
    </span>
  );
}

function ItemRow({ item, withNotes = false, agreedOn }: { item: ConsensusItem; withNotes?: boolean; agreedOn: PresenterSnapshot['agreedOn'] }) {
  const version = item.state === 'agreed' ? agreedOn?.[`${item.section}:${item.id}`] : undefined;
  return (
    <li className="presenter-item" data-state={item.state} data-testid="presenter-item">
      <div className="presenter-item-head">
        <span className="presenter-item-label">{item.label}</span>
        <Badge size="xl" variant="light" color={stateColors[item.state]} tt="none" data-testid="presenter-item-state">
          {stateLabels[item.state]}
        </Badge>
      </div>
      <div className="presenter-item-positions">
        <PositionMark team="Marketing" status={item.positions.marketing} />
        <PositionMark team="Sales" status={item.positions.sales} />
        {version !== undefined && (
          <span className="presenter-position" data-testid="presenter-agreed-on">
            {agreedOnText(version)}
          </span>
        )}
      </div>
      {withNotes && item.consensus.notes && <p className="presenter-item-notes">{item.consensus.notes}</p>}
    </li>
  );
}

function SectionItems({ items, agreedOn }: { items: ConsensusItem[]; agreedOn: PresenterSnapshot['agreedOn'] }) {
  if (items.length === 0) return null;
  return (
    <ul className="presenter-items" aria-label="Items under discussion">
      {items.map((item) => (
        <ItemRow key={`${item.section}-${item.id}`} item={item} withNotes={item.state !== 'agreed'} agreedOn={agreedOn} />
      ))}
    </ul>
  );
}

function OpenQuestions({ items, agreement, agreedOn }: { items: ConsensusItem[]; agreement: Agreement; agreedOn: PresenterSnapshot['agreedOn'] }) {
  const open = items.filter((item) => item.state === 'disputed' || item.state === 'parked');
  const topics = agreement.parkingLot.filter((topic) => topic.status === 'open');
  if (open.length === 0 && topics.length === 0) return <Text className="presenter-note">Nothing is disputed or parked.</Text>;
  return (
    <>
      <ul className="presenter-items" aria-label="Disputed and parked items">
        {open.map((item) => (
          <ItemRow key={`${item.section}-${item.id}`} item={item} withNotes agreedOn={agreedOn} />
        ))}
      </ul>
      {topics.length > 0 && <LogList title="Parking lot" entries={topics.map((topic) => ({ id: topic.id, main: topic.topic || 'Untitled topic', detail: [topic.raisedBy && `raised by ${topic.raisedBy}`, topic.notes].filter(Boolean).join(' · ') }))} />}
    </>
  );
}

function LogLists({ agreement }: { agreement: Agreement }) {
  return (
    <div className="presenter-log">
      <LogList title="Parking lot" entries={agreement.parkingLot.map((topic) => ({ id: topic.id, main: topic.topic || 'Untitled topic', detail: [topic.status === 'resolved' ? 'resolved' : 'open', topic.raisedBy && `raised by ${topic.raisedBy}`].filter(Boolean).join(' · ') }))} />
      <LogList title="Decisions" entries={agreement.decisions.map((decision) => ({ id: decision.id, main: decision.text || 'Untitled decision', detail: [decision.by, decision.decidedAt].filter(Boolean).join(' · ') }))} />
      <LogList title="Action items" entries={agreement.actions.map((action) => ({ id: action.id, main: action.task || 'Untitled action', detail: [action.owner || 'no owner yet', action.due ? `due ${action.due}` : 'no date yet', action.status === 'done' ? 'done' : ''].filter(Boolean).join(' · ') }))} />
    </div>
  );
}

function LogList({ title, entries }: { title: string; entries: { id: string; main: string; detail: string }[] }) {
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
