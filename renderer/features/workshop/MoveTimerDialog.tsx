import { Button, Group, Modal, Text } from '@mantine/core';
import type { AgendaItem, SessionTimer } from '../../../shared/engines/agenda/agenda';
import { sections, type SectionId } from '../../../shared/model/sections';

/**
 * Whether the timer should follow the screen: the part on screen is on the agenda, and the timer is on
 * another part and either runs (the room moved on) or is being started (it would count the wrong part).
 */
export function timerIsElsewhere(agenda: readonly AgendaItem[], timer: SessionTimer, onScreen: SectionId, starting: boolean): boolean {
  const timed = agenda[timer.current];
  if (!timed) return false;
  if (!agenda.some((item) => item.sectionId === onScreen)) return false;
  if (timed.sectionId === onScreen) return false;
  return starting || timer.runningSince !== null;
}

const partOf = (id: string) => sections.find((section) => section.id === id);

/**
 * "You are on part 8: move the timer here?" Yes moves the timer to the part on
 * screen (and starts it when that was asked); No leaves it where it is. Enter
 * answers yes (the focused button), Escape no.
 */
export function MoveTimerDialog({ section, timerSection, start, onYes, onNo }: { section: SectionId; timerSection: string | null; start: boolean; onYes: () => void; onNo: () => void }) {
  const here = partOf(section)!;
  const there = timerSection ? partOf(timerSection) : undefined;
  return (
    <Modal opened onClose={onNo} title={`You are on part ${here.number}: move the timer here?`} centered size="md" data-testid="move-timer">
      <Text mb="lg">
        The timer is on {there ? `part ${there.number}, ${there.title}` : 'another part'}. Move it to part {here.number}, {here.title}
        {start ? ', and start it' : ''}?
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onNo}>
          {start ? `No, start it on part ${there?.number ?? ''}`.trim() : 'No, leave it'}
        </Button>
        <Button onClick={onYes} data-autofocus>
          Yes, move it here
        </Button>
      </Group>
    </Modal>
  );
}
