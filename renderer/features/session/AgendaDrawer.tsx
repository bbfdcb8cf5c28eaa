import { ActionIcon, Badge, Button, Drawer, Group, NumberInput, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { AgendaError, plannedMinutes, spentOn, status as sessionStatus, type AgendaItem } from '../../../shared/engines/agenda/agenda';
import { useClock, useNow } from '../../components/clock';
import { useSession } from '../../store/stores';
import { clockTime, minutesText } from '../../components/time-format';

/**
 * The session's agenda: the parts in order with their time boxes (editable,
 * whole minutes), time spent so far, reorder and skip for this session, the
 * planned and projected end, sound on or off, and resets.
 */
export function AgendaDrawer({ opened, onClose, onDiscuss }: { opened: boolean; onClose: () => void; onDiscuss: (sectionId: string) => void }) {
  const agenda = useSession((state) => state.agenda);
  const timer = useSession((state) => state.timer);
  const sound = useSession((state) => state.sound);
  const { move, setSkipped, goTo, resetTimer, resetAgenda, setSound } = useSession((state) => state);
  const running = timer.runningSince !== null;
  const now = useNow(1000, opened && running);
  const current = sessionStatus(timer, agenda, now);
  const clock = useClock();
  const total = plannedMinutes(agenda);
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title="Agenda of this session">
      <Stack gap="md">
        <Group gap="xs" data-testid="agenda-summary">
          <Badge variant="light" size="lg" tt="none">
            {minutesText(total * 60_000)} planned
          </Badge>
          {current.plannedEnd !== null ? (
            <>
              <Badge variant="light" size="lg" tt="none" color="gray">
                Planned end {clockTime(current.plannedEnd)}
              </Badge>
              <Badge variant="light" size="lg" tt="none" color={(current.lateMinutes ?? 0) > 0 ? 'red' : 'teal'}>
                {current.projectedEnd === null ? '' : `Projected end ${clockTime(current.projectedEnd)}`}
                {(current.lateMinutes ?? 0) > 0 ? `, ${current.lateMinutes} min late` : ', on time'}
              </Badge>
            </>
          ) : (
            <Badge variant="light" size="lg" tt="none" color="gray">
              Starting now would end at {clockTime(clock.now() + total * 60_000)}
            </Badge>
          )}
        </Group>
        <ol className="agenda-list" aria-label="Agenda">
          {agenda.map((item, index) => (
            <AgendaRow
              key={item.sectionId}
              item={item}
              index={index}
              count={agenda.length}
              isCurrent={index === timer.current}
              spentMs={spentOn(timer, agenda, item.sectionId, now)}
              onMove={(offset) => move(index, offset)}
              onSkip={(skipped) => setSkipped(item.sectionId, skipped)}
              onDiscuss={() => {
                goTo(item.sectionId);
                onDiscuss(item.sectionId);
              }}
            />
          ))}
        </ol>
        <Switch label="Play a soft chime when a time box runs out" checked={sound} onChange={(event) => setSound(event.currentTarget.checked)} />
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={resetTimer}>
            Restart the timer
          </Button>
          <Button variant="subtle" color="gray" onClick={resetAgenda}>
            Standard time boxes and order
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}

function AgendaRow({ item, index, count, isCurrent, spentMs, onMove, onSkip, onDiscuss }: {
  item: AgendaItem;
  index: number;
  count: number;
  isCurrent: boolean;
  spentMs: number;
  onMove: (offset: -1 | 1) => void;
  onSkip: (skipped: boolean) => void;
  onDiscuss: () => void;
}) {
  const setMinutes = useSession((state) => state.setMinutes);
  const [draft, setDraft] = useState<string | number>(item.minutes);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(item.minutes);
  if (shown !== item.minutes) {
    setShown(item.minutes);
    setDraft(item.minutes);
    setError(null);
  }
  const over = spentMs > item.minutes * 60_000;
  const commit = (value: string | number) => {
    setDraft(value);
    const minutes = typeof value === 'number' ? value : Number(value.trim() === '' ? Number.NaN : value);
    try {
      setMinutes(item.sectionId, minutes);
      setError(null);
    } catch (failure) {
      if (failure instanceof AgendaError) setError(failure.message);
      else throw failure;
    }
  };
  return (
    <li className="agenda-row" data-current={isCurrent || undefined} data-skipped={item.skipped || undefined} aria-current={isCurrent ? 'step' : undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} td={item.skipped ? 'line-through' : undefined} c={item.skipped ? 'dimmed' : undefined}>
            {item.title}
          </Text>
          <Text size="sm" c={over ? 'red.8' : 'dimmed'}>
            {item.skipped ? 'Skipped in this session' : spentMs > 0 ? `${minutesText(spentMs)} of ${item.minutes} min` : isCurrent ? 'Next up' : 'Not started'}
            {isCurrent && !item.skipped ? ' · now' : ''}
          </Text>
        </Stack>
        <NumberInput
          aria-label={`Time box of ${item.title}, minutes`}
          value={draft}
          onChange={commit}
          allowDecimal={false}
          allowNegative={false}
          min={1}
          max={600}
          w={92}
          suffix=" min"
          clampBehavior="none"
          error={error}
          disabled={item.skipped}
        />
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Discuss now">
            <ActionIcon variant="subtle" aria-label={`Discuss ${item.title} now`} onClick={onDiscuss} disabled={isCurrent && !item.skipped}>
              <IconPlayerPlay size={16} />
            </ActionIcon>
          </Tooltip>
          <ActionIcon variant="subtle" color="gray" aria-label={`Move ${item.title} earlier`} disabled={index === 0} onClick={() => onMove(-1)}>
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" aria-label={`Move ${item.title} later`} disabled={index === count - 1} onClick={() => onMove(1)}>
            <IconArrowDown size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <Switch size="xs" mt={6} label="Skip in this session" checked={item.skipped} onChange={(event) => onSkip(event.currentTarget.checked)} />
    </li>
  );
}
