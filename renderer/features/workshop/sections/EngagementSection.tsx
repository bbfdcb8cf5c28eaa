import { Autocomplete, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import type { FastTrack, Signal } from '../../../../shared/model/agreement';
import { proposedConsensus } from '../../../../shared/model/consensus';
import { ConsensusBar, ListEditor, LongTextField, NumberField, SectionHeading, SubHeading, TextField, newItemId, useAgreementEditor } from '../../../components/editor-kit';

/** Part 6: behaviours with points, caps and decay; fast-track triggers. */
export function EngagementSection() {
  const { agreement, update, issues } = useAgreementEditor();
  const { signals, decay, fastTracks } = agreement.engagement;
  return (
    <Stack gap={0}>
      <SectionHeading number={6} title="Engagement and triggers" summary="What a lead does and what it is worth: points per behaviour, a cap so one behaviour cannot carry a lead alone, decay when activity stops, and triggers that hand a lead over at once." />
      <SubHeading count={signals.length}>Signals</SubHeading>
      <ListEditor<Signal>
        items={signals}
        list={(draft) => draft.engagement.signals}
        prefix="signal"
        addLabel="Add signal"
        emptyText="No signals yet."
        itemLabel={(signal) => `Signal ${signal.name || 'untitled'}`}
        makeNew={() => ({ id: newItemId('signal'), key: '', name: '', points: 5, cap: null, consensus: proposedConsensus() })}
        renderFields={(signal, set) => (
          <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
            <TextField label="Behaviour" value={signal.name} error={issues.get(`${signal.id}:name`)} onChange={(value) => set((target) => void (target.name = value), `${signal.id}.name`)} />
            <TextField label="CRM field" description="Column or activity name in the CRM" value={signal.key} onChange={(value) => set((target) => void (target.key = value), `${signal.id}.key`)} />
            <NumberField label="Points each time" value={signal.points} error={issues.get(`${signal.id}:points`)} onChange={(value) => set((target) => void (target.points = value), `${signal.id}.points`)} />
            <NumberField label="Cap (most points in total)" value={signal.cap} error={issues.get(`${signal.id}:cap`)} min={0} onChange={(value) => set((target) => void (target.cap = value), `${signal.id}.cap`)} />
          </SimpleGrid>
        )}
      />
      <SubHeading>Decay</SubHeading>
      <Stack gap="sm">
        <SegmentedControl
          aria-label="How engagement points decay"
          w="fit-content"
          value={decay.mode}
          onChange={(mode) => update((draft) => void (draft.engagement.decay.mode = mode as typeof decay.mode))}
          data={[
            { value: 'none', label: 'No decay' },
            { value: 'inactivity', label: 'Reset after inactivity' },
            { value: 'half-life', label: 'Half-life' },
          ]}
        />
        {decay.mode !== 'none' && (
          <NumberField
            label={decay.mode === 'half-life' ? 'Points halve every' : 'Points reset after no activity for'}
            suffix=" days"
            w={280}
            value={decay.days}
            error={issues.get('decay:days')}
            min={1}
            onChange={(value) => update((draft) => void (draft.engagement.decay.days = value), 'decay.days')}
          />
        )}
        <Text c="dimmed" size="sm">
          {decay.mode === 'none' ? 'Points never fade; old interest counts as much as new.' : decay.mode === 'half-life' ? 'Each behaviour counts half as much after every period; recent interest weighs most.' : 'When a lead does nothing for this long, its engagement returns to zero.'}
        </Text>
        <ConsensusBar consensus={decay.consensus} itemLabel="score decay" coalesceKey="decay" onChange={(consensus, key) => update((draft) => void (draft.engagement.decay.consensus = consensus), key)} />
      </Stack>
      <SubHeading count={fastTracks.length}>Fast-track triggers</SubHeading>
      <ListEditor<FastTrack>
        items={fastTracks}
        list={(draft) => draft.engagement.fastTracks}
        prefix="fast"
        addLabel="Add fast track"
        emptyText="No fast-track triggers yet."
        itemLabel={(trigger) => `Fast track ${trigger.name || 'untitled'}`}
        dependsOn={signals.map((signal) => signal.key).join('|')}
        makeNew={() => ({ id: newItemId('fast'), name: '', signalKey: '', description: '', consensus: proposedConsensus() })}
        renderFields={(trigger, set) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <TextField label="Trigger" value={trigger.name} error={issues.get(`${trigger.id}:name`)} onChange={(value) => set((target) => void (target.name = value), `${trigger.id}.name`)} />
              <Autocomplete label="Signal or CRM field" data={[...new Set(signals.map((signal) => signal.key).filter(Boolean))]} value={trigger.signalKey} error={issues.get(`${trigger.id}:signalKey`)} onChange={(value) => set((target) => void (target.signalKey = value), `${trigger.id}.signalKey`)} />
            </SimpleGrid>
            <LongTextField label="What happens" value={trigger.description} onChange={(value) => set((target) => void (target.description = value), `${trigger.id}.description`)} />
          </Stack>
        )}
      />
    </Stack>
  );
}
