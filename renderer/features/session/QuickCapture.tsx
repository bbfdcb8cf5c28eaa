import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Agreement } from '../../../shared/model/agreement';
import { notify } from '../../components/notify';
import { useEditor } from '../../store/stores';
import { newItemId } from '../../components/editor-kit';

/** What can be captured from anywhere, without leaving the part being discussed. */
export type CaptureKind = 'topic' | 'decision' | 'action';

const titles: Record<CaptureKind, string> = { topic: 'Park a topic', decision: 'Log a decision', action: 'Add an action item' };

/** "2026-11-25 14:05" in the room's local time, as decisions are logged. */
function localStamp(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/**
 * A small form over the current part: park a topic, log a decision or add an
 * action item, then back to where the focus was. Enter saves, Esc cancels.
 * "Decision logged." is said only once the decision is on disk: a failed
 * save (a full disk) keeps the form open with what was typed and says why.
 */
export function QuickCapture({ kind, locked, onClose }: { kind: CaptureKind; locked: boolean; onClose: () => void }) {
  const commit = useEditor((state) => state.commit);
  const [saving, setSaving] = useState(false);
  const [main, setMain] = useState('');
  const [who, setWho] = useState('');
  const [extra, setExtra] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mainLabel = kind === 'topic' ? 'Topic' : kind === 'decision' ? 'Decision' : 'Task';
  const whoLabel = kind === 'topic' ? 'Raised by' : kind === 'decision' ? 'Decided by' : 'Owner';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const text = main.trim();
    if (locked) {
      setError('The agreement is being signed or is signed; amend it to add to it.');
      return;
    }
    if (text === '') {
      setError(`Write the ${mainLabel.toLowerCase()} first.`);
      return;
    }
    if (text.length > (kind === 'decision' ? 4000 : 200)) {
      setError(`Keep the ${mainLabel.toLowerCase()} under ${kind === 'decision' ? 4000 : 200} characters.`);
      return;
    }
    if (kind === 'action' && extra !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(extra)) {
      setError('The due date must be a date.');
      return;
    }
    const person = who.trim().slice(0, 200);
    const recipe =
      kind === 'topic'
        ? (draft: Agreement) => void draft.parkingLot.push({ id: newItemId('parked'), topic: text, raisedBy: person, notes: extra.trim(), status: 'open' })
        : kind === 'decision'
          ? (draft: Agreement) => void draft.decisions.push({ id: newItemId('decision'), text, by: person, decidedAt: localStamp(new Date()) })
          : (draft: Agreement) => void draft.actions.push({ id: newItemId('action'), task: text, owner: person, due: extra, status: 'open' });
    setSaving(true);
    setError(null);
    void commit(recipe).then((result) => {
      setSaving(false);
      if (!result.saved) {
        setError(`${result.message} What you typed is still here: press Enter to try again.`);
        return;
      }
      notify({ message: kind === 'topic' ? `Parked “${text}”.` : kind === 'decision' ? 'Decision logged.' : `Action item “${text}” added.` });
      onClose();
    });
  };
  return (
    <Modal opened onClose={onClose} title={titles[kind]} centered size="lg">
      <form onSubmit={submit} aria-label={titles[kind]}>
        <Stack>
          {kind === 'decision' ? (
            <Textarea label={mainLabel} value={main} onChange={(event) => setMain(event.currentTarget.value)} data-autofocus autosize minRows={2} error={error} onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) submit(event);
            }} />
          ) : (
            <TextInput label={mainLabel} value={main} onChange={(event) => setMain(event.currentTarget.value)} data-autofocus error={error} />
          )}
          <Group grow align="flex-start">
            <TextInput label={whoLabel} value={who} onChange={(event) => setWho(event.currentTarget.value)} />
            {kind === 'action' && <TextInput label="Due" type="date" value={extra} onChange={(event) => setExtra(event.currentTarget.value)} />}
          </Group>
          {kind === 'topic' && <TextInput label="Notes" value={extra} onChange={(event) => setExtra(event.currentTarget.value)} />}
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Enter saves · Esc cancels{kind === 'decision' ? ' · Shift+Enter for a new line' : ''}
            </Text>
            <Group>
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={saving}>{kind === 'topic' ? 'Park it' : kind === 'decision' ? 'Log it' : 'Add it'}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
