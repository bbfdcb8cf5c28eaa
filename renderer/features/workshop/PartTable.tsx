import { ActionIcon, Alert, Badge, Button, Group, Kbd, SegmentedControl, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconCircleCheck, IconLayoutList, IconTable, IconThumbDown, IconThumbUp, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { itemSummary } from '../../../shared/model/item-substance';
import type { ConsensusState, Position } from '../../../shared/model/agreement';
import { changedPositionText, isChanged, withParked, withPosition, type ConsensusTeam, type PositionStatus } from '../../../shared/model/consensus';
import { partPositionsText, planPartPositions, teamsText, type PartPositionsPlan } from '../../../shared/model/part-consensus';
import { sections, setConsensusOf, type ConsensusItem, type SectionId } from '../../../shared/model/sections';
import { notify } from '../../components/notify';
import { useEditor } from '../../store/stores';
import { useAgreementEditor } from '../../components/editor-kit';
import './part-table.css';

/** How a part is shown: the cards with every field, or one line per item. */
export type PartViewMode = 'cards' | 'table';

/** Where this computer remembers each part's view (a setting of the screen, never part of the agreement or its hash). */
export const PART_VIEWS_KEY = 'accord-part-views';

const stateColors: Record<ConsensusState, string> = { proposed: 'gray', agreed: 'teal', disputed: 'red', parked: 'yellow' };
const stateLabels: Record<ConsensusState, string> = { proposed: 'Proposed', agreed: 'Agreed', disputed: 'Disputed', parked: 'Parked' };
const teamLabel: Record<ConsensusTeam, string> = { marketing: 'Marketing', sales: 'Sales' };
const statusWords: Record<PositionStatus, string> = { pending: 'still to say', agree: 'agrees', disagree: 'disagrees', 'changed-agree': 'agreed to earlier content: reconfirm', 'changed-disagree': 'disagreed with earlier content: reconfirm' };
const frozenMessage = 'The agreement is frozen while it is signed or being signed.';

/** The bulk actions of a part, as the buttons name them. */
const bulkActions: { teams: readonly ConsensusTeam[]; label: string }[] = [
  { teams: ['marketing', 'sales'], label: 'Both sides agree to this part' },
  { teams: ['marketing'], label: 'Marketing agrees to all' },
  { teams: ['sales'], label: 'Sales agrees to all' },
];

/**
 * The open part, with the tools to settle it at the speed of the conversation:
 * "Both sides agree to this part" (and each side alone), each one undo step,
 * and a compact table of the part (one line per item, driven by the keyboard).
 * A part without consensus items (1, 11) is shown as it is.
 */
export function PartView({ section, children }: { section: SectionId; children: ReactNode }) {
  const { agreement, items: itemMap } = useAgreementEditor();
  const items = useMemo(() => [...itemMap.values()].filter((item) => item.section === section), [itemMap, section]);
  const [views, setViews] = useLocalStorage<Partial<Record<SectionId, PartViewMode>>>({ key: PART_VIEWS_KEY, defaultValue: {}, getInitialValueInEffect: false });
  const view: PartViewMode = views[section] ?? 'cards';
  const setView = (next: PartViewMode) => setViews((current) => ({ ...current, [section]: next }));
  const [opening, setOpening] = useState<ConsensusItem | null>(null);

  // Enter on a row: the part's cards, with the focus in that item's card.
  useEffect(() => {
    if (!opening || view !== 'cards') return undefined;
    const frame = requestAnimationFrame(() => {
      const card = document.getElementById(`item-${opening.id}`);
      const bar = document.querySelector<HTMLElement>(`[data-consensus-item="${CSS.escape(`${opening.section}:${opening.id}`)}"]`);
      const target = card?.querySelector<HTMLElement>('input, textarea') ?? bar?.querySelector<HTMLElement>('button') ?? null;
      (card ?? bar)?.scrollIntoView({ block: 'center' });
      target?.focus({ preventScroll: true });
      setOpening(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [opening, view]);

  if (items.length === 0) return <>{children}</>;
  const part = sections.find((entry) => entry.id === section)!;
  return (
    <>
      <SettleBar key={section} section={section} items={items} view={view} onView={setView} />
      {view === 'table' ? (
        <>
          <Text c="dimmed" fw={600} size="sm">
            Part {part.number} of 11
          </Text>
          <Title order={2} mb="md">
            {part.title}
          </Title>
          <PartTable
            section={section}
            items={items}
            summaryOf={(item) => itemSummary(agreement, item) ?? ''}
            onOpen={(item) => {
              setOpening(item);
              setView('cards');
            }}
          />
        </>
      ) : (
        children
      )}
    </>
  );
}

function SettleBar({ section, items, view, onView }: { section: SectionId; items: ConsensusItem[]; view: PartViewMode; onView: (view: PartViewMode) => void }) {
  const { agreement } = useAgreementEditor();
  const agreeToPart = useEditor((state) => state.agreeToPart);
  const locked = useEditor((state) => state.locked);
  const [result, setResult] = useState<PartPositionsPlan | null>(null);
  // What each button would do now: a button with nothing to do is disabled, and says so.
  const plans = useMemo(() => bulkActions.map((action) => planPartPositions(agreement, section, action.teams)), [agreement, section]);
  const agreed = items.filter((item) => item.state === 'agreed').length;
  const parked = items.filter((item) => item.state === 'parked').length;
  const disputed = items.filter((item) => item.state === 'disputed').length;
  // Who the room is waiting for: items not settled where a side has not said yes to the content as it is now.
  const open = items.filter((item) => item.state !== 'agreed' && item.state !== 'parked');
  const waiting = (['marketing', 'sales'] as const).map((team) => ({ team, count: open.filter((item) => item.positions[team] !== 'agree').length })).filter(({ count }) => count > 0);
  const waitingText = waiting.length === 0 ? '' : `waiting for ${waiting.map(({ team, count }) => `${teamLabel[team].toLowerCase()} on ${count}`).join(' and ')}`;
  const progress = [`${agreed} of ${items.length} agreed`, parked > 0 && `${parked} parked`, disputed > 0 && `${disputed} disputed`, waitingText].filter(Boolean).join(' · ');
  return (
    <div className="part-settle" role="region" aria-label="Settle this part">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="md" wrap="wrap">
          <SegmentedControl
            aria-label="Show this part as"
            value={view}
            onChange={(value) => onView(value as PartViewMode)}
            size="md"
            data={[
              { value: 'cards', label: <Group gap={6} wrap="nowrap"><IconLayoutList size={18} aria-hidden />Cards</Group> },
              { value: 'table', label: <Group gap={6} wrap="nowrap"><IconTable size={18} aria-hidden />Table</Group> },
            ]}
          />
          <Text fw={600} size="md" data-testid="part-progress">
            {progress}
          </Text>
        </Group>
        <Group gap="xs" wrap="wrap">
          {bulkActions.map((action, index) => {
            const plan = plans[index]!;
            const both = action.teams.length > 1;
            return (
              <Button
                key={action.label}
                size="md"
                variant={both ? 'filled' : 'default'}
                color={both ? 'teal.9' : undefined}
                leftSection={both ? <IconUsersGroup size={18} aria-hidden /> : <IconCircleCheck size={18} aria-hidden />}
                disabled={locked || plan.changes.length === 0}
                title={plan.changes.length === 0 ? (plan.skipped.length > 0 ? partPositionsText(plan) : `${teamsText(action.teams)} already agree to every item.`) : undefined}
                onClick={() => setResult(agreeToPart(section, action.teams))}
              >
                {action.label}
              </Button>
            );
          })}
        </Group>
      </Group>
      {result && (
        <Alert mt="sm" variant="light" color={result.skipped.length > 0 ? 'yellow' : 'teal'} withCloseButton closeButtonLabel="Dismiss" onClose={() => setResult(null)} role="status" data-testid="part-settle-result">
          <Text size="md">
            {partPositionsText(result)}
            {result.changes.length > 0 && ' One undo (Ctrl/Cmd+Z) takes it back.'}
          </Text>
        </Alert>
      )}
    </div>
  );
}

function PositionCell({ item, team, onSet }: { item: ConsensusItem; team: ConsensusTeam; onSet: (team: ConsensusTeam, position: Position) => void }) {
  const status = item.positions[team];
  const label = teamLabel[team];
  return (
    <Group gap={4} wrap="nowrap">
      <VisuallyHidden>{`${label}: ${statusWords[status]}.`}</VisuallyHidden>
      <ActionIcon size="lg" tabIndex={-1} variant={status === 'agree' ? 'filled' : 'default'} color="teal.8" aria-label={`${label} agrees`} aria-pressed={status === 'agree'} onClick={() => onSet(team, status === 'agree' ? 'pending' : 'agree')}>
        <IconThumbUp size={18} />
      </ActionIcon>
      <ActionIcon size="lg" tabIndex={-1} variant={status === 'disagree' ? 'filled' : 'default'} color="red.8" aria-label={`${label} disagrees`} aria-pressed={status === 'disagree'} onClick={() => onSet(team, status === 'disagree' ? 'pending' : 'disagree')}>
        <IconThumbDown size={18} />
      </ActionIcon>
      {isChanged(status) && (
        <Badge color="orange" variant="light" size="md" tt="none" aria-hidden title={changedPositionText(status)}>
          reconfirm
        </Badge>
      )}
    </Group>
  );
}

/**
 * One line per item of a part: what it says and where each side stands, set
 * from the keyboard. A grid (ARIA): one row has the focus (j/k or the arrows
 * move it); m and s give marketing's and sales's yes (again to take it back),
 * Shift+M and Shift+S their no, Shift+K parks; Enter opens the item's card.
 * Every position goes through the editor (one undo step each, given for the
 * item's content now), exactly as the thumbs on the card do.
 */
export function PartTable({ section, items, summaryOf, onOpen }: { section: SectionId; items: ConsensusItem[]; summaryOf: (item: ConsensusItem) => string; onOpen: (item: ConsensusItem) => void }) {
  const { update } = useAgreementEditor();
  const locked = useEditor((state) => state.locked);
  const [focused, setFocused] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const rows = useRef<(HTMLElement | null)[]>([]);
  const keysId = useId();
  const part = sections.find((entry) => entry.id === section)!;
  const current = Math.min(focused, items.length - 1);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setFocused(next);
    rows.current[next]?.focus({ preventScroll: true });
    // `nearest` with the row's scroll margin (part-table.css) keeps it clear of the sticky header above the part.
    rows.current[next]?.scrollIntoView({ block: 'nearest' });
  };
  const change = (item: ConsensusItem, next: (consensus: ConsensusItem['consensus']) => ConsensusItem['consensus'], said: string) => {
    if (locked) {
      notify({ tone: 'error', message: frozenMessage });
      return;
    }
    update((draft) => void setConsensusOf(draft, item, next(item.consensus)));
    setAnnouncement(`${item.label}: ${said}.`);
  };
  const setPosition = (item: ConsensusItem, team: ConsensusTeam, position: Position) =>
    change(item, (consensus) => withPosition(consensus, team, position, item.contentHash), position === 'pending' ? `${teamLabel[team]} takes the position back` : `${teamLabel[team]} ${position === 'agree' ? 'agrees' : 'disagrees'}`);
  const togglePosition = (item: ConsensusItem, team: ConsensusTeam, position: Exclude<Position, 'pending'>) => setPosition(item, team, item.positions[team] === position ? 'pending' : position);
  const togglePark = (item: ConsensusItem) => change(item, (consensus) => withParked(consensus, item.state !== 'parked', item.contentHash), item.state === 'parked' ? 'back in discussion' : 'parked');

  const onKeyDown = (event: ReactKeyboardEvent<HTMLTableElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-row]');
    if (!row) return;
    const index = Number(row.dataset.row);
    const item = items[index];
    if (!item) return;
    if (event.ctrlKey || event.metaKey) return;
    // The session's Alt shortcuts (Alt+M, Alt+Shift+S, Alt+K) act on the focused row here, as they act on a focused card.
    const key = event.altKey ? { KeyM: event.shiftKey ? 'M' : 'm', KeyS: event.shiftKey ? 'S' : 's', KeyK: event.shiftKey ? '' : 'K' }[event.code] ?? '' : event.key;
    const act = (run: () => void) => {
      event.preventDefault();
      event.stopPropagation();
      run();
    };
    switch (key) {
      case 'j':
      case 'ArrowDown':
        return act(() => focusRow(index + 1));
      case 'k':
      case 'ArrowUp':
        return act(() => focusRow(index - 1));
      case 'Home':
        return act(() => focusRow(0));
      case 'End':
        return act(() => focusRow(items.length - 1));
      case 'm':
        return act(() => togglePosition(item, 'marketing', 'agree'));
      case 'M':
        return act(() => togglePosition(item, 'marketing', 'disagree'));
      case 's':
        return act(() => togglePosition(item, 'sales', 'agree'));
      case 'S':
        return act(() => togglePosition(item, 'sales', 'disagree'));
      case 'K':
        return act(() => togglePark(item));
      case 'Enter':
        // A press on a row's own button is that button's.
        if ((event.target as HTMLElement).tagName === 'BUTTON') return;
        return act(() => onOpen(item));
      default:
        return undefined;
    }
  };

  return (
    <div className="part-table-wrap">
      <Table className="part-table" role="grid" aria-label={`${part.title}: ${items.length} items`} aria-describedby={keysId} aria-rowcount={items.length + 1} verticalSpacing="xs" horizontalSpacing="sm" fz="md" withRowBorders onKeyDown={onKeyDown} data-testid="part-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className="part-table-item">Item</Table.Th>
            <Table.Th scope="col">What it says</Table.Th>
            <Table.Th scope="col" className="part-table-team">Marketing</Table.Th>
            <Table.Th scope="col" className="part-table-team">Sales</Table.Th>
            <Table.Th scope="col" className="part-table-state">State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => {
            const rowId = `${keysId}-row-${index}`;
            return (
              <Table.Tr key={`${item.section}:${item.id}`} data-row={index} data-state={item.state} data-focused={index === current || undefined} aria-rowindex={index + 2}>
                <Table.Th
                  scope="row"
                  className="part-table-item"
                  tabIndex={index === current ? 0 : -1}
                  ref={(element: HTMLElement | null) => void (rows.current[index] = element)}
                  onFocus={() => setFocused(index)}
                  aria-describedby={`${rowId}-what ${rowId}-marketing ${rowId}-sales ${rowId}-state`}
                >
                  {item.label}
                </Table.Th>
                <Table.Td id={`${rowId}-what`} className="part-table-what">
                  {summaryOf(item)}
                </Table.Td>
                <Table.Td id={`${rowId}-marketing`} className="part-table-team">
                  <PositionCell
                    item={item}
                    team="marketing"
                    onSet={(team, position) => {
                      setPosition(item, team, position);
                      focusRow(index);
                    }}
                  />
                </Table.Td>
                <Table.Td id={`${rowId}-sales`} className="part-table-team">
                  <PositionCell
                    item={item}
                    team="sales"
                    onSet={(team, position) => {
                      setPosition(item, team, position);
                      focusRow(index);
                    }}
                  />
                </Table.Td>
                <Table.Td id={`${rowId}-state`} className="part-table-state">
                  <Badge color={stateColors[item.state]} variant="light" size="lg" tt="none" data-testid="row-state">
                    {stateLabels[item.state]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text id={keysId} size="md" c="dimmed" mt="sm" className="part-table-keys">
        <Kbd>j</Kbd> <Kbd>k</Kbd> or <Kbd>↓</Kbd> <Kbd>↑</Kbd> move · <Kbd>m</Kbd> marketing agrees · <Kbd>s</Kbd> sales agrees (again to take it back) · <Kbd>Shift</Kbd>+<Kbd>M</Kbd> / <Kbd>Shift</Kbd>+<Kbd>S</Kbd> disagrees · <Kbd>Shift</Kbd>+<Kbd>K</Kbd> park · <Kbd>Enter</Kbd> open the card
      </Text>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </div>
  );
}
