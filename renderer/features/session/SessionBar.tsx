import { ActionIcon, Badge, Group, Progress, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconListDetails, IconPlayerPauseFilled, IconPlayerPlayFilled, IconPlayerTrackNextFilled } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { formatCountdown, status as sessionStatus } from '../../../shared/engines/agenda/agenda';
import { shownShortcut } from '../../../shared/model/workshop-actions';
import { useNow } from '../../components/clock';
import { useSession } from '../../store/stores';
import { playChime } from './signal';
import { clockTime } from '../../components/time-format';
import './session.css';

const toneColors = { 'on-time': 'accord', ending: 'orange', overrun: 'red' } as const;

/**
 * The session timer in the workshop header: the current part of the agenda,
 * its countdown, start / pause / next, and the projected end. When a time box
 * runs out it says so once, in words and colour (and a soft chime when the
 * facilitator turned sound on).
 */
export function SessionBar({ onOpenAgenda, onToggle, onNext }: { onOpenAgenda: () => void; onToggle: () => void; onNext: () => void }) {
  const agenda = useSession((state) => state.agenda);
  const timer = useSession((state) => state.timer);
  const sound = useSession((state) => state.sound);
  const running = timer.runningSince !== null;
  // While paused the countdown stands still, but the projected end moves with the clock.
  const now = useNow(running ? 250 : 15_000);
  const current = sessionStatus(timer, agenda, now);
  const timeUp = running && current.tone === 'overrun' && current.current !== null;
  const announcement = timeUp ? `Time is up for “${current.current!.title}”.` : '';
  // The chime sounds once, when the box runs out, and only if the facilitator turned sound on.
  const wasUp = useRef(timeUp);
  useEffect(() => {
    if (timeUp && !wasUp.current && sound) playChime();
    wasUp.current = timeUp;
  }, [timeUp, sound]);

  const done = current.current === null;
  const percent = current.boxMs > 0 ? Math.min(100, (current.spentMs / current.boxMs) * 100) : 0;
  return (
    <Group gap="sm" wrap="nowrap" className="session-bar" data-tone={current.tone} data-testid="session-bar">
      <UnstyledButton onClick={onOpenAgenda} className="session-bar-title" aria-label={`Agenda: ${done ? 'finished' : `now ${current.current!.title}`}. Open the agenda`}>
        <IconListDetails size={18} aria-hidden />
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {done ? 'Agenda finished' : current.current!.title}
        </Text>
      </UnstyledButton>
      {!done && (
        <div className="session-bar-clock">
          <Text
            component="span"
            className="session-countdown"
            fw={700}
            fz="lg"
            role="timer"
            aria-label={`${current.remainingMs < 0 ? 'Over time by' : 'Time left'} ${formatCountdown(Math.abs(current.remainingMs))}`}
            data-testid="countdown"
          >
            {formatCountdown(current.remainingMs)}
          </Text>
          <Progress size={4} value={percent} color={toneColors[current.tone]} aria-hidden />
        </div>
      )}
      <Tooltip label={`${running ? 'Pause' : 'Start the timer'} (${shownShortcut('timer-toggle')})`}>
        <ActionIcon variant={running ? 'default' : 'filled'} size="lg" aria-label={running ? 'Pause the timer' : 'Start the timer'} onClick={onToggle} disabled={done}>
          {running ? <IconPlayerPauseFilled size={16} /> : <IconPlayerPlayFilled size={16} />}
        </ActionIcon>
      </Tooltip>
      <Tooltip label={`Next part (${shownShortcut('timer-next')})`}>
        <ActionIcon variant="default" size="lg" aria-label="Next part of the agenda" onClick={onNext} disabled={done}>
          <IconPlayerTrackNextFilled size={16} />
        </ActionIcon>
      </Tooltip>
      {current.projectedEnd !== null && (
        <Tooltip label={`Planned end ${clockTime(current.plannedEnd!)}`}>
          <Badge variant="light" color={(current.lateMinutes ?? 0) > 0 ? 'red' : 'gray'} tt="none" size="lg" data-testid="projected-end">
            Ends {clockTime(current.projectedEnd)}
            {(current.lateMinutes ?? 0) > 0 ? ` (+${current.lateMinutes} min)` : ''}
          </Badge>
        </Tooltip>
      )}
      <span className="session-signal" role="status" aria-live="assertive" data-testid="time-up">
        {announcement}
      </span>
    </Group>
  );
}
