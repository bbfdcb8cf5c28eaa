import { ActionIcon, Badge, Button, Card, Group, NumberInput, Select, Stack, Switch, Text, Textarea, TextInput, Title, Tooltip, type ComboboxItem } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconCopy, IconPlayerPause, IconPlus, IconThumbDown, IconThumbUp, IconTrash } from '@tabler/icons-react';
import { createContext, memo, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Agreement, Consensus, Position } from '../../shared/model/agreement';
import { validateAgreement } from '../../shared/model/agreement-rules';
import { changedPositionText, isChanged, withParked, withPosition, type PositionStatus } from '../../shared/model/consensus';
import { agreedOnText } from '../../shared/model/consensus-history';
import { consensusItems, type ConsensusItem } from '../../shared/model/sections';
import { useEditor } from '../store/stores';
import './editor-kit.css';

/** Changes the agreement; every edit goes through here (undo, autosave). */
export type Update = (recipe: (draft: Agreement) => void, coalesceKey?: string) => void;

/** The open agreement and its update function, for the section editors. */
export interface EditorContextValue {
  agreement: Agreement;
  update: Update;
  /** Problems of the draft, by "itemId:field". */
  issues: Map<string, string>;
  /** Every consensus item of the agreement (content hash, derived state), by its consensus object. */
  items: Map<Consensus, ConsensusItem>;
  /** For items agreed on an earlier signed version's content: that version, by "section:id". */
  agreedOn: ReadonlyMap<string, number>;
  /** Shows every field's problem from now on, touched or not (the person asked "Ready to sign?"). */
  revealProblems(): void;
}

const noVersions: ReadonlyMap<string, number> = new Map();

const EditorContext = createContext<EditorContextValue | null>(null);

/**
 * Whether every field shows its problem (after "Ready to sign?") or only the
 * fields the person has touched. Its own context: it changes once, while the
 * editor context changes on every keystroke, and every field reads this one.
 */
const RevealContext = createContext(false);

/** Provides the agreement, its update function and its problems to the sections. */
export function EditorProvider({ agreement, agreedOn = noVersions, children }: { agreement: Agreement; agreedOn?: ReadonlyMap<string, number>; children: ReactNode }) {
  const update = useEditor((state) => state.update);
  const issues = useMemo(() => {
    const map = new Map<string, string>();
    for (const issue of validateAgreement(agreement)) {
      const key = `${issue.itemId}:${issue.field}`;
      if (!map.has(key)) map.set(key, issue.message);
    }
    return map;
  }, [agreement]);
  const items = useMemo(() => new Map(consensusItems(agreement).map((item) => [item.consensus, item])), [agreement]);
  const [revealed, setRevealed] = useState(false);
  const revealProblems = useCallback(() => setRevealed(true), []);
  const value = useMemo(() => ({ agreement, update, issues, items, agreedOn, revealProblems }), [agreement, update, issues, items, agreedOn, revealProblems]);
  return (
    <EditorContext.Provider value={value}>
      <RevealContext.Provider value={revealed}>{children}</RevealContext.Provider>
    </EditorContext.Provider>
  );
}

/** Whether the person asked "Ready to sign?": from then on every problem is shown, touched or not. */
export function useProblemsRevealed(): boolean {
  return useContext(RevealContext);
}

/**
 * A field's problem as it is shown: only once the field was touched (changed,
 * or left after being focused) or once the person asked "Ready to sign?". A
 * new workshop does not open covered in red for what nobody has typed yet;
 * the readiness list still lists everything. Use `touch` as the field's blur
 * handler and call it on change.
 */
export function useShownProblem(problem: string | undefined): { error: string | undefined; touch: () => void } {
  const revealed = useContext(RevealContext);
  const [touched, setTouched] = useState(false);
  const touch = useCallback(() => setTouched(true), []);
  return { error: touched || revealed ? problem : undefined, touch };
}

/** The open agreement, its update function and its problems. */
export function useAgreementEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('EditorProvider is missing.');
  return value;
}

/** A new item id. */
export function newItemId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Options for a select from a list of values and labels. */
export function options<T extends string>(labels: Record<T, string>): ComboboxItem[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label: label as string }));
}

/** A text field bound to the agreement. */
export function TextField(props: { label: string; value: string; onChange: (value: string) => void; error?: string | undefined; placeholder?: string; description?: string; autoFocus?: boolean; type?: 'text' | 'date' | 'time'; w?: number | string }) {
  const { error, touch } = useShownProblem(props.error);
  return (
    <TextInput
      label={props.label}
      description={props.description}
      value={props.value}
      placeholder={props.placeholder}
      error={error}
      type={props.type}
      data-autofocus={props.autoFocus || undefined}
      autoFocus={props.autoFocus}
      w={props.w}
      onBlur={touch}
      onChange={(event) => {
        touch();
        props.onChange(event.currentTarget.value);
      }}
    />
  );
}

/** A multi-line text field bound to the agreement. */
export function LongTextField(props: { label: string; value: string; onChange: (value: string) => void; error?: string | undefined; placeholder?: string; minRows?: number }) {
  const { error, touch } = useShownProblem(props.error);
  return (
    <Textarea
      label={props.label}
      value={props.value}
      placeholder={props.placeholder}
      error={error}
      autosize
      minRows={props.minRows ?? 2}
      maxRows={8}
      onBlur={touch}
      onChange={(event) => {
        touch();
        props.onChange(event.currentTarget.value);
      }}
    />
  );
}

/** A number field; empty means "not entered yet" (null), never 0. */
export function NumberField(props: { label: string; value: number | null; onChange: (value: number | null) => void; error?: string | undefined; suffix?: string; prefix?: string; min?: number; max?: number; description?: string; w?: number | string; readOnly?: boolean }) {
  const { error, touch } = useShownProblem(props.error);
  return (
    <NumberInput
      label={props.label}
      description={props.description}
      value={props.value ?? ''}
      error={error}
      onBlur={touch}
      suffix={props.suffix}
      prefix={props.prefix}
      min={props.min}
      max={props.max}
      w={props.w}
      readOnly={props.readOnly}
      thousandSeparator=","
      decimalScale={2}
      allowDecimal
      onChange={(value) => {
        touch();
        props.onChange(value === '' || value === null || value === undefined ? null : typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : null);
      }}
    />
  );
}

/**
 * A select bound to the agreement. Without a set width, one whose shown value
 * is cut where it stands (measured, and again when it is resized or changed)
 * spans two columns of its section's grid (editor-kit.css): the person reads
 * "Inside sales (SDR/BDR)", not "Inside sales (SDR/BD". It stays wide once
 * widened, so it never flips back and forth.
 */
export function SelectField<T extends string>(props: { label: string; value: T; data: ComboboxItem[]; onChange: (value: T) => void; error?: string | undefined; w?: number | string }) {
  const { error, touch } = useShownProblem(props.error);
  const [wide, setWide] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const fixedWidth = props.w !== undefined;
  useEffect(() => {
    const element = input.current;
    if (!element || fixedWidth || wide || typeof ResizeObserver === 'undefined') return undefined;
    const check = () => {
      if (element.scrollWidth > element.clientWidth + 1) setWide(true);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, [fixedWidth, wide, props.value]);
  return (
    <Select
      ref={input}
      className={wide ? 'editor-wide-field' : undefined}
      label={props.label}
      value={props.value}
      data={props.data}
      allowDeselect={false}
      error={error}
      w={props.w}
      comboboxProps={{ withinPortal: true }}
      onBlur={touch}
      onChange={(value) => {
        touch();
        if (value !== null) props.onChange(value as T);
      }}
    />
  );
}

/** A switch bound to the agreement. */
export function SwitchField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; description?: string }) {
  return <Switch label={props.label} description={props.description} checked={props.checked} onChange={(event) => props.onChange(event.currentTarget.checked)} />;
}

const stateColors: Record<Consensus['state'], string> = { proposed: 'gray', agreed: 'teal', disputed: 'red', parked: 'yellow' };
const stateLabels: Record<Consensus['state'], string> = { proposed: 'Proposed', agreed: 'Agreed', disputed: 'Disputed', parked: 'Parked' };

function PositionToggle({ team, label, status, onChange, itemLabel }: { team: 'marketing' | 'sales'; label: string; status: PositionStatus; onChange: (position: Position) => void; itemLabel: string }) {
  const changed = isChanged(status);
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={`${label}’s position on ${itemLabel}`}>
      <Text size="sm" fw={600} w={74}>
        {label}
      </Text>
      <Tooltip label={`${label} agrees`} openDelay={500}>
        <ActionIcon
          variant={status === 'agree' ? 'filled' : 'default'}
          color="teal.8"
          aria-label={`${label} agrees`}
          aria-pressed={status === 'agree'}
          data-team={team}
          data-position="agree"
          onClick={() => onChange(status === 'agree' ? 'pending' : 'agree')}
        >
          <IconThumbUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={`${label} disagrees`} openDelay={500}>
        <ActionIcon
          variant={status === 'disagree' ? 'filled' : 'default'}
          color="red.8"
          aria-label={`${label} disagrees`}
          aria-pressed={status === 'disagree'}
          data-team={team}
          data-position="disagree"
          onClick={() => onChange(status === 'disagree' ? 'pending' : 'disagree')}
        >
          <IconThumbDown size={16} />
        </ActionIcon>
      </Tooltip>
      {changed && (
        <Badge color="orange" variant="light" size="md" tt="none" data-testid="position-changed" data-team={team}>
          {changedPositionText(status)}
        </Badge>
      )}
    </Group>
  );
}

/**
 * The consensus of one item, inline: marketing's and sales' positions (one
 * click each, recorded for the item's content as it is now), park, who
 * proposed it, the resulting state, and notes. A position given for other
 * content says "changed since you agreed: reconfirm" and does not count.
 * `item` is the item as `consensusItems` lists it; inside the editor it is
 * found from the consensus itself.
 */
export function ConsensusBar({ consensus, onChange, itemLabel, coalesceKey, item: given }: { consensus: Consensus; onChange: (next: Consensus, coalesceKey?: string) => void; itemLabel: string; coalesceKey: string; item?: ConsensusItem }) {
  const editor = useContext(EditorContext);
  const item = given ?? editor?.items.get(consensus);
  // Only a consensus that is not in the open agreement has no item (it cannot be given a position for any content).
  if (!item) return null;
  return <ConsensusBarView consensus={consensus} onChange={onChange} itemLabel={itemLabel} coalesceKey={coalesceKey} item={item} version={editor?.agreedOn.get(`${item.section}:${item.id}`)} />;
}

interface ConsensusBarViewProps {
  consensus: Consensus;
  onChange: (next: Consensus, coalesceKey?: string) => void;
  itemLabel: string;
  coalesceKey: string;
  item: ConsensusItem;
  version: number | undefined;
}

// Every bar reads the editor context, which changes on each keystroke; the bar itself (a Select, a text field) renders
// again only when what it shows changes. `onChange` is left out of the comparison: every caller's writes the item's
// consensus by the item's id, the same on every render, and the values it records (consensus, hash) are compared.
const ConsensusBarView = memo(
  ConsensusBarInner,
  (a, b) =>
    a.consensus === b.consensus &&
    a.item.state === b.item.state &&
    a.item.contentHash === b.item.contentHash &&
    a.item.positions.marketing === b.item.positions.marketing &&
    a.item.positions.sales === b.item.positions.sales &&
    a.version === b.version &&
    a.itemLabel === b.itemLabel &&
    a.coalesceKey === b.coalesceKey,
);

function ConsensusBarInner({ consensus, onChange, itemLabel, coalesceKey, item, version }: ConsensusBarViewProps) {
  return (
    <Stack gap="xs" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }} data-consensus-bar data-consensus-item={`${item.section}:${item.id}`} data-state={item.state}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="lg" wrap="wrap">
          <PositionToggle team="marketing" label="Marketing" status={item.positions.marketing} itemLabel={itemLabel} onChange={(position) => onChange(withPosition(consensus, 'marketing', position, item.contentHash))} />
          <PositionToggle team="sales" label="Sales" status={item.positions.sales} itemLabel={itemLabel} onChange={(position) => onChange(withPosition(consensus, 'sales', position, item.contentHash))} />
          <Button
            size="xs"
            variant={item.state === 'parked' ? 'filled' : 'default'}
            color="yellow.9"
            leftSection={<IconPlayerPause size={14} />}
            aria-pressed={item.state === 'parked'}
            data-park
            onClick={() => onChange(withParked(consensus, item.state !== 'parked', item.contentHash))}
          >
            {item.state === 'parked' ? 'Parked' : 'Park'}
          </Button>
        </Group>
        <Group gap="sm">
          <Select
            aria-label={`Who proposed ${itemLabel}`}
            size="xs"
            w={200}
            value={consensus.proposedBy}
            allowDeselect={false}
            data={[
              { value: 'facilitator', label: 'Proposed by facilitator' },
              { value: 'marketing', label: 'Proposed by marketing' },
              { value: 'sales', label: 'Proposed by sales' },
            ]}
            onChange={(value) => value && onChange({ ...consensus, proposedBy: value as Consensus['proposedBy'] })}
          />
          {item.state === 'agreed' && version !== undefined && (
            <Text size="sm" c="dimmed" data-testid="agreed-on-version">
              {agreedOnText(version)}
            </Text>
          )}
          <Badge color={stateColors[item.state]} variant="light" size="lg" tt="none" data-testid="consensus-state">
            {stateLabels[item.state]}
          </Badge>
        </Group>
      </Group>
      <TextInput
        aria-label={`Notes on ${itemLabel}`}
        placeholder="Notes: objections, conditions, what would change a mind"
        size="sm"
        value={consensus.notes}
        onChange={(event) => onChange({ ...consensus, notes: event.currentTarget.value }, `${coalesceKey}.notes`)}
      />
    </Stack>
  );
}

/** A section's heading and explanation. */
export function SectionHeading({ number, title, summary, children }: { number: number; title: string; summary: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg">
      <div>
        <Text c="dimmed" fw={600} size="sm">
          Part {number} of 11
        </Text>
        <Title order={2}>{title}</Title>
        <Text c="dimmed" size="lg" mt={4} maw={760}>
          {summary}
        </Text>
      </div>
      {children}
    </Group>
  );
}

/** One card of a list: its fields, its tools (move, duplicate, delete), and its consensus. */
export function ItemCard({ id, label, index, count, onMove, onDuplicate, onDelete, children, consensus }: {
  id: string;
  label: string;
  index: number;
  count: number;
  onMove: (offset: -1 | 1) => void;
  onDuplicate?: () => void;
  onDelete: () => void;
  children: ReactNode;
  consensus?: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg" id={`item-${id}`} data-testid="item-card" aria-label={label} component="article">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" color="gray" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onMove(-1)}>
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="gray" aria-label={`Move ${label} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
              <IconArrowDown size={16} />
            </ActionIcon>
            {onDuplicate && (
              <ActionIcon variant="subtle" color="gray" aria-label={`Duplicate ${label}`} onClick={onDuplicate}>
                <IconCopy size={16} />
              </ActionIcon>
            )}
            <ActionIcon variant="subtle" color="red.8" aria-label={`Delete ${label}`} onClick={onDelete}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Group>
        {consensus}
      </Stack>
    </Card>
  );
}

/** Moves an array entry by one place, in an immer draft. */
export function moveItem<T>(list: T[], index: number, offset: -1 | 1): void {
  const target = index + offset;
  if (target < 0 || target >= list.length) return;
  const [item] = list.splice(index, 1);
  list.splice(target, 0, item!);
}

/** Puts the keyboard focus on a new item's first field once it is on screen. */
export function focusItem(id: string): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(`#item-${CSS.escape(id)} input, #item-${CSS.escape(id)} textarea`);
    field?.focus();
    field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  });
}

/** A list's "add" button; Enter or Space on it adds an item and focuses its first field. */
export function AddButton({ label, onAdd }: { label: string; onAdd: () => void }) {
  return (
    <Group>
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={onAdd} data-add-item>
        {label}
      </Button>
    </Group>
  );
}

/** A subsection title inside a section. */
export function SubHeading({ children, count }: { children: ReactNode; count?: number }) {
  return (
    <Group gap="xs" mt="xl" mb="sm">
      <Title order={3}>{children}</Title>
      {count !== undefined && (
        <Badge variant="default" radius="sm">
          {count}
        </Badge>
      )}
    </Group>
  );
}

/** Sets fields of one item of a list, by id, through the editor's update. */
export type ItemSetter<T> = (mutate: (item: T) => void, coalesceKey?: string) => void;

/**
 * A list of items as cards: add (focuses the new item), duplicate, reorder,
 * delete (undo brings it back), and each item's consensus when it has one.
 * Rows re-render only when their own item, position or problems change
 * (immer keeps unchanged items identical), so typing stays instant in long
 * lists. `dependsOn` names anything else the fields read (e.g. other lists).
 */
export function ListEditor<T extends { id: string; consensus?: Consensus }>({
  items,
  list,
  prefix,
  addLabel,
  itemLabel,
  makeNew,
  renderFields,
  emptyText,
  dependsOn = '',
}: {
  items: T[];
  list: (draft: Agreement) => T[];
  prefix: string;
  addLabel: string;
  itemLabel: (item: T) => string;
  makeNew: () => T;
  renderFields: (item: T, set: ItemSetter<T>, index: number) => ReactNode;
  emptyText: string;
  dependsOn?: string;
}) {
  const { update, issues } = useAgreementEditor();
  return (
    <Stack gap="md" data-list-editor>
      {items.length === 0 && (
        <Text c="dimmed" fs="italic">
          {emptyText}
        </Text>
      )}
      {items.map((item, index) => (
        <ListRow<T>
          key={item.id}
          item={item}
          index={index}
          count={items.length}
          issueKey={issuesOf(issues, item.id)}
          dependsOn={dependsOn}
          list={list}
          prefix={prefix}
          label={itemLabel(item)}
          update={update}
          renderFields={renderFields}
        />
      ))}
      <AddButton
        label={addLabel}
        onAdd={() => {
          const created = makeNew();
          update((draft) => void list(draft).push(created));
          focusItem(created.id);
        }}
      />
    </Stack>
  );
}

function issuesOf(issues: Map<string, string>, id: string): string {
  let key = '';
  for (const [where, message] of issues) if (where.startsWith(`${id}:`)) key += `${where}=${message};`;
  return key;
}

interface ListRowProps<T> {
  item: T;
  index: number;
  count: number;
  issueKey: string;
  dependsOn: string;
  list: (draft: Agreement) => T[];
  prefix: string;
  label: string;
  update: Update;
  renderFields: (item: T, set: ItemSetter<T>, index: number) => ReactNode;
}

function ListRowInner<T extends { id: string; consensus?: Consensus }>({ item, index, count, list, prefix, label, update, renderFields }: ListRowProps<T>) {
  const set: ItemSetter<T> = (mutate, coalesceKey) =>
    update((draft) => {
      const target = list(draft).find((entry) => entry.id === item.id);
      if (target) mutate(target);
    }, coalesceKey);
  return (
    <ItemCard
      id={item.id}
      label={label}
      index={index}
      count={count}
      onMove={(offset) => update((draft) => moveItem(list(draft), index, offset))}
      onDuplicate={() =>
        update((draft) => {
          const copy = JSON.parse(JSON.stringify(item)) as T;
          copy.id = newItemId(prefix);
          list(draft).splice(index + 1, 0, copy);
        })
      }
      onDelete={() => update((draft) => void list(draft).splice(index, 1))}
      consensus={
        item.consensus ? (
          <ConsensusBar
            consensus={item.consensus}
            itemLabel={label}
            coalesceKey={item.id}
            onChange={(consensus, key) =>
              set((target) => {
                target.consensus = consensus;
              }, key)
            }
          />
        ) : undefined
      }
    >
      {renderFields(item, set, index)}
    </ItemCard>
  );
}

const ListRow = memo(ListRowInner, (before, after) => before.item === after.item && before.index === after.index && before.count === after.count && before.issueKey === after.issueKey && before.dependsOn === after.dependsOn && before.label === after.label) as typeof ListRowInner;
