import { ActionIcon, Alert, Anchor, Breadcrumbs, Button, Group, Text, Textarea, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconArrowForwardUp, IconArrowLeft, IconChartHistogram, IconCheck, IconCircleCheck, IconCloudOff, IconCommand, IconFlask, IconLock, IconPresentation, IconSignature } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { WorkshopActionId } from '../../../shared/model/workshop-actions';
import type { WorkshopStatus } from '../../../shared/model/workshop';
import { WorkshopTitleSchema } from '../../../shared/model/workshop';
import { firstIssueMessage } from '../../../shared/model/validation';
import { StatusBadge } from '../../components/StatusBadge';
import { useEditor, useSession } from '../../store/stores';
import { SessionBar } from '../session/SessionBar';
import { useAgreementEditor } from '../../components/editor-kit';
import { WorkshopActionsMenu, type WorkshopAction } from './workshop-actions';

/** What the header shows for a workshop in each state: only what applies to it. */
export interface HeaderFacts {
  status: WorkshopStatus;
  /** Blockers left before signing (0: ready). */
  blockers: number;
  /** Everything the Open questions drawer lists (shared/model/open-questions.ts). */
  open: number;
  /** Whether the session timer is counting now. */
  timerRunning: boolean;
}

/** Which of the header's state-dependent parts show (pure, so the rule is tested without rendering). */
export function headerParts({ status, timerRunning }: HeaderFacts): { ready: boolean; openCount: boolean; timer: boolean; frozen: boolean } {
  const editable = status === 'draft' || status === 'amended';
  return {
    // "Ready to sign?" is a question about a draft; signed or being signed, it no longer applies.
    ready: editable,
    // The open count is a to-do list for the discussion; once the content is frozen nobody can act on it.
    openCount: editable,
    // A signed agreement has no session left to time, unless a timer still runs (then it is shown, so it can be paused).
    timer: status !== 'signed' || timerRunning,
    frozen: !editable,
  };
}

/**
 * The workshop's header. Two rows: where you are and what you can do (library,
 * undo, save state, the main actions, ⋯), then the title with the status and
 * the session. The title takes the room it needs: it wraps to more lines
 * instead of being cut, and the other items of its row move below it when the
 * row is full, never the title's text.
 */
export function WorkshopHeader({ facts, actions, onBack, onNext, exporting }: { facts: HeaderFacts; actions: readonly WorkshopAction[]; onBack: () => void; onNext: () => void; exporting: string | null }) {
  const { agreement } = useAgreementEditor();
  const canUndo = useEditor((state) => state.past.length > 0);
  const canRedo = useEditor((state) => state.future.length > 0);
  const action = (id: WorkshopActionId) => actions.find((entry) => entry.id === id)!;
  const run = (id: WorkshopActionId) => () => action(id).run();
  const parts = headerParts(facts);
  const { status, blockers, open } = facts;
  // The parts' list sticks below the header, whose height changes as its rows wrap.
  const head = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = head.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => element.parentElement?.style.setProperty('--workshop-head-height', `${Math.ceil(element.getBoundingClientRect().height)}px`));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="workshop-head" data-testid="workshop-head" ref={head}>
      <Group justify="space-between" gap="xs" className="workshop-head-row">
        <Breadcrumbs className="workshop-head-crumbs">
          <Anchor component="button" onClick={onBack} fz="md">
            <Group gap={6} wrap="nowrap">
              <IconArrowLeft size={16} aria-hidden />
              Library
            </Group>
          </Anchor>
          <Text fz="md" c="dimmed" className="workshop-head-client">
            {agreement.workshop.client || 'No client yet'}
          </Text>
        </Breadcrumbs>
        <Group gap="xs" className="workshop-head-actions">
          <Tooltip label={`Undo (${action('undo').keys})`}>
            <ActionIcon variant="default" size="lg" aria-label="Undo" disabled={!canUndo} onClick={run('undo')}>
              <IconArrowBackUp size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={`Redo (${action('redo').keys})`}>
            <ActionIcon variant="default" size="lg" aria-label="Redo" disabled={!canRedo} onClick={run('redo')}>
              <IconArrowForwardUp size={18} />
            </ActionIcon>
          </Tooltip>
          <SaveIndicator />
          <Button variant="default" leftSection={<IconFlask size={18} />} onClick={run('tester')}>
            Test a lead
          </Button>
          <Button variant="default" leftSection={<IconChartHistogram size={18} />} onClick={run('calibrate')}>
            Calibrate
          </Button>
          <Button variant="default" leftSection={parts.frozen ? <IconLock size={18} /> : <IconSignature size={18} />} onClick={run('sign')} data-testid="sign-button">
            {status === 'signed' ? 'Signed' : status === 'signing' ? 'Signing…' : 'Sign'}
          </Button>
          {parts.ready && (
            <Button variant={blockers === 0 ? 'filled' : 'light'} color={blockers === 0 ? 'teal.9' : undefined} leftSection={blockers === 0 ? <IconCircleCheck size={18} /> : undefined} onClick={run('readiness')} data-testid="ready-button">
              {blockers === 0 ? 'Ready to sign' : `Ready to sign? ${blockers} to settle`}
            </Button>
          )}
          <WorkshopActionsMenu actions={actions} />
        </Group>
      </Group>
      <SaveProblem />
      <div className="workshop-head-title-row">
        <VisuallyHidden>
          <h1>{agreement.workshop.title}</h1>
        </VisuallyHidden>
        <TitleInput />
        <Group gap="sm" className="workshop-head-session">
          <StatusBadge status={status} />
          {parts.timer && <SessionBar onOpenAgenda={run('agenda')} onToggle={run('timer-toggle')} onNext={onNext} />}
          {parts.openCount && (
            <Tooltip label={`Open questions: disputed and parked (${action('open-questions').keys})`}>
              <Button variant={open > 0 ? 'light' : 'default'} color={open > 0 ? 'red' : undefined} leftSection={<IconAlertTriangle size={16} />} onClick={run('open-questions')} data-testid="open-questions-button">
                {open} open
              </Button>
            </Tooltip>
          )}
          <Tooltip label={`Presenter window (${action('presenter').keys})`}>
            <ActionIcon variant="default" size="lg" aria-label="Open the presenter window" onClick={run('presenter')}>
              <IconPresentation size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={`Command palette (${action('palette').keys})`}>
            <ActionIcon variant="default" size="lg" aria-label="Command palette" onClick={run('palette')}>
              <IconCommand size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </div>
      {exporting && (
        <Text size="sm" c="dimmed" role="status" mt={4}>
          {exporting.startsWith('pdf') ? 'Rendering and sealing the PDF…' : 'Exporting…'}
        </Text>
      )}
      {parts.frozen && (
        <Alert color="yellow" icon={<IconLock />} mt="xs" py={6} title={status === 'signed' ? 'Signed and locked' : 'Signing in progress: the content is frozen'}>
          {status === 'signed' ? 'Open “Signed” to amend it.' : 'Open “Signing…” to collect signatures, or cancel signing to edit again.'}
        </Alert>
      )}
    </div>
  );
}

/**
 * The workshop title: edited in place; an empty title is refused with a message and never saved. A text area that
 * grows with its text (Enter ends the edit), so a long title wraps instead of being cut.
 */
function TitleInput() {
  const { agreement, update } = useAgreementEditor();
  const stored = agreement.workshop.title;
  const [value, setValue] = useState(stored);
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [shown, setShown] = useState(stored);
  if (stored !== shown && !focused) {
    setShown(stored);
    setValue(stored);
  }
  return (
    <Textarea
      className="accord-title-input workshop-head-title"
      variant="unstyled"
      size="md"
      autosize
      minRows={1}
      aria-label="Workshop title"
      value={value}
      error={error}
      onFocus={() => setFocused(true)}
      onChange={(event) => {
        // A title is one line: a pasted line break becomes a space.
        const next = event.currentTarget.value.replace(/[\r\n]+/gu, ' ');
        setValue(next);
        const parsed = WorkshopTitleSchema.safeParse(next);
        if (parsed.success) {
          setError(null);
          update((draft) => void (draft.workshop.title = parsed.data), 'workshop.title');
        } else setError(firstIssueMessage(parsed.error));
      }}
      onBlur={() => {
        setFocused(false);
        if (error) {
          setValue(stored);
          setError(null);
        }
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          event.currentTarget.blur();
        }
      }}
    />
  );
}

function SaveIndicator() {
  const saveState = useEditor((state) => state.saveState);
  const saveError = useEditor((state) => state.saveError);
  if (saveState === 'error') {
    return (
      <Tooltip label={saveError ?? ''}>
        <Group gap={6} c="red.8" role="status">
          <IconCloudOff size={18} aria-hidden />
          <Text size="sm">Not saved</Text>
        </Group>
      </Tooltip>
    );
  }
  return (
    <Group gap={6} c="dimmed" role="status" aria-live="polite" miw={150} wrap="nowrap">
      {saveState === 'saved' && <IconCheck size={18} aria-hidden />}
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {saveState === 'saved' ? 'All changes saved' : 'Saving…'}
      </Text>
    </Group>
  );
}

/** A failed autosave said where the room sees it (the header's "Not saved" is small): the reason, and that it is tried again. */
function SaveProblem() {
  const saveState = useEditor((state) => state.saveState);
  const saveError = useEditor((state) => state.saveError);
  if (saveState !== 'error') return null;
  return (
    <Alert color="red" variant="light" icon={<IconCloudOff />} title="Changes not saved" mt="xs" role="alert" data-testid="save-problem">
      {saveError} Your changes stay on this screen, and Accord saves them again every few seconds until it succeeds.
    </Alert>
  );
}

/** Whether the session timer counts now (for the header's facts). */
export function useTimerRunning(): boolean {
  return useSession((state) => state.timer.runningSince !== null);
}
