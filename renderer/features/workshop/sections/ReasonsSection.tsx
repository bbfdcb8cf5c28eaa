import { SimpleGrid, Stack } from '@mantine/core';
import { type reasonActions, type Reason } from '../../../../shared/model/agreement';
import { proposedConsensus } from '../../../../shared/model/consensus';
import { ConsensusBar, ListEditor, LongTextField, NumberField, options, SectionHeading, SelectField, SubHeading, SwitchField, TextField, newItemId, useAgreementEditor } from '../../../components/editor-kit';

const actionLabels: Record<(typeof reasonActions)[number], string> = { recycle: 'Recycle to nurture', disqualify: 'Disqualify', 'return-to-marketing': 'Return to marketing' };

/** Part 9: rejection reason codes and the recycling rule. */
export function ReasonsSection() {
  const { agreement, update, issues } = useAgreementEditor();
  const recycling = agreement.recycling;
  return (
    <Stack gap={0}>
      <SectionHeading number={9} title="Rejection and recycling" summary="A short list of reasons sales gives when it rejects a lead, what happens next for each, and when a recycled lead may come back." />
      {issues.get('reasons:code') && <span style={{ color: 'var(--mantine-color-error)' }}>{issues.get('reasons:code')}</span>}
      <SubHeading count={agreement.reasons.length}>Reason codes</SubHeading>
      <ListEditor<Reason>
        items={agreement.reasons}
        list={(draft) => draft.reasons}
        prefix="reason"
        addLabel="Add reason"
        emptyText="No reason codes yet."
        itemLabel={(reason) => `Reason ${reason.label || reason.code || 'untitled'}`}
        makeNew={() => ({ id: newItemId('reason'), code: '', label: '', action: 'recycle', afterAgreedAttempts: false, consensus: proposedConsensus() })}
        renderFields={(reason, set) => (
          <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
            <TextField label="Code" value={reason.code} error={issues.get(`${reason.id}:code`)} onChange={(value) => set((target) => void (target.code = value.toUpperCase()), `${reason.id}.code`)} />
            <TextField label="Reason" value={reason.label} error={issues.get(`${reason.id}:label`)} onChange={(value) => set((target) => void (target.label = value), `${reason.id}.label`)} />
            <SelectField label="What happens next" value={reason.action} data={options(actionLabels)} onChange={(value) => set((target) => void (target.action = value))} />
            <SwitchField label="Only after the agreed attempts" checked={reason.afterAgreedAttempts} onChange={(checked) => set((target) => void (target.afterAgreedAttempts = checked))} />
          </SimpleGrid>
        )}
      />
      <SubHeading>Recycling</SubHeading>
      <Stack gap="sm">
        <NumberField label="A recycled lead may re-enter after" suffix=" days" w={320} min={0} value={recycling.reentryAfterDays} error={issues.get('recycling:reentryAfterDays')} onChange={(value) => update((draft) => void (draft.recycling.reentryAfterDays = value), 'recycling.days')} />
        <LongTextField label="How recycled leads re-enter" value={recycling.rule} onChange={(value) => update((draft) => void (draft.recycling.rule = value), 'recycling.rule')} />
        <ConsensusBar consensus={recycling.consensus} itemLabel="the recycling rule" coalesceKey="recycling" onChange={(consensus, key) => update((draft) => void (draft.recycling.consensus = consensus), key)} />
      </Stack>
    </Stack>
  );
}
