import { SimpleGrid, Stack } from '@mantine/core';
import type { ActionItem, Decision, ParkedTopic } from '../../../../shared/model/agreement';
import { ListEditor, LongTextField, SectionHeading, SelectField, SubHeading, TextField, newItemId, useAgreementEditor } from '../../../components/editor-kit';

/** Part 11: the parking lot, the decisions log and the action items. */
export function LogSection() {
  const { agreement, issues } = useAgreementEditor();
  return (
    <Stack gap={0}>
      <SectionHeading number={11} title="Parking lot, decisions, actions" summary="What was set aside for later, what was decided and when, and who does what by when. All of it goes into the signed document." />
      <SubHeading count={agreement.parkingLot.length}>Parking lot</SubHeading>
      <ListEditor<ParkedTopic>
        items={agreement.parkingLot}
        list={(draft) => draft.parkingLot}
        prefix="parked"
        addLabel="Park a topic"
        emptyText="Nothing parked."
        itemLabel={(topic) => `Parked topic ${topic.topic || 'untitled'}`}
        makeNew={() => ({ id: newItemId('parked'), topic: '', raisedBy: '', notes: '', status: 'open' })}
        renderFields={(topic, set) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <TextField label="Topic" value={topic.topic} onChange={(value) => set((target) => void (target.topic = value), `${topic.id}.topic`)} />
              <TextField label="Raised by" value={topic.raisedBy} onChange={(value) => set((target) => void (target.raisedBy = value), `${topic.id}.raisedBy`)} />
              <SelectField label="Status" value={topic.status} data={[{ value: 'open', label: 'Open' }, { value: 'resolved', label: 'Resolved' }]} onChange={(value) => set((target) => void (target.status = value))} />
            </SimpleGrid>
            <LongTextField label="Notes" value={topic.notes} onChange={(value) => set((target) => void (target.notes = value), `${topic.id}.notes`)} />
          </Stack>
        )}
      />
      <SubHeading count={agreement.decisions.length}>Decisions</SubHeading>
      <ListEditor<Decision>
        items={agreement.decisions}
        list={(draft) => draft.decisions}
        prefix="decision"
        addLabel="Log a decision"
        emptyText="No decisions logged yet."
        itemLabel={(decision) => `Decision ${decision.text.slice(0, 40) || 'untitled'}`}
        makeNew={() => ({ id: newItemId('decision'), text: '', decidedAt: new Date().toISOString().slice(0, 16).replace('T', ' '), by: '' })}
        renderFields={(decision, set) => (
          <Stack gap="sm">
            <LongTextField label="Decision" value={decision.text} onChange={(value) => set((target) => void (target.text = value), `${decision.id}.text`)} />
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <TextField label="Decided by" value={decision.by} onChange={(value) => set((target) => void (target.by = value), `${decision.id}.by`)} />
              <TextField label="When" value={decision.decidedAt} onChange={(value) => set((target) => void (target.decidedAt = value.slice(0, 40)), `${decision.id}.decidedAt`)} />
            </SimpleGrid>
          </Stack>
        )}
      />
      <SubHeading count={agreement.actions.length}>Action items</SubHeading>
      <ListEditor<ActionItem>
        items={agreement.actions}
        list={(draft) => draft.actions}
        prefix="action"
        addLabel="Add action item"
        emptyText="No action items yet."
        itemLabel={(action) => `Action ${action.task || 'untitled'}`}
        makeNew={() => ({ id: newItemId('action'), task: '', owner: '', due: '', status: 'open' })}
        renderFields={(action, set) => (
          <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
            <TextField label="Task" value={action.task} error={issues.get(`${action.id}:task`)} onChange={(value) => set((target) => void (target.task = value), `${action.id}.task`)} />
            <TextField label="Owner" value={action.owner} error={issues.get(`${action.id}:owner`)} onChange={(value) => set((target) => void (target.owner = value), `${action.id}.owner`)} />
            <TextField label="Due" type="date" value={action.due} onChange={(value) => set((target) => void (target.due = value))} />
            <SelectField label="Status" value={action.status} data={[{ value: 'open', label: 'Open' }, { value: 'done', label: 'Done' }]} onChange={(value) => set((target) => void (target.status = value))} />
          </SimpleGrid>
        )}
      />
    </Stack>
  );
}
