import { SimpleGrid, Stack } from '@mantine/core';
import { type cadences, teamLabels, type Kpi, type Meeting } from '../../../../shared/model/agreement';
import { proposedConsensus } from '../../../../shared/model/consensus';
import { ListEditor, LongTextField, options, SectionHeading, SelectField, SubHeading, TextField, newItemId, useAgreementEditor } from '../../../components/editor-kit';

const cadenceLabels: Record<(typeof cadences)[number], string> = { weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' };

/** Part 10: the KPIs both teams report on and the meetings of the closed loop. */
export function CadenceSection() {
  const { agreement, issues } = useAgreementEditor();
  return (
    <Stack gap={0}>
      <SectionHeading number={10} title="Metrics and cadence" summary="The few numbers both teams look at, who owns each report, and when they sit down together: weekly operations, the monthly SLA review, the quarterly recalibration." />
      <SubHeading count={agreement.kpis.length}>KPIs</SubHeading>
      <ListEditor<Kpi>
        items={agreement.kpis}
        list={(draft) => draft.kpis}
        prefix="kpi"
        addLabel="Add KPI"
        emptyText="No KPIs yet."
        itemLabel={(kpi) => `KPI ${kpi.name || 'untitled'}`}
        makeNew={() => ({ id: newItemId('kpi'), name: '', definition: '', owner: 'revops', consensus: proposedConsensus() })}
        renderFields={(kpi, set) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <TextField label="KPI" value={kpi.name} error={issues.get(`${kpi.id}:name`)} onChange={(value) => set((target) => void (target.name = value), `${kpi.id}.name`)} />
              <SelectField label="Report owner" value={kpi.owner} data={options(teamLabels)} onChange={(value) => set((target) => void (target.owner = value))} />
            </SimpleGrid>
            <LongTextField label="Definition" value={kpi.definition} onChange={(value) => set((target) => void (target.definition = value), `${kpi.id}.definition`)} />
          </Stack>
        )}
      />
      <SubHeading count={agreement.meetings.length}>Meetings</SubHeading>
      <ListEditor<Meeting>
        items={agreement.meetings}
        list={(draft) => draft.meetings}
        prefix="meeting"
        addLabel="Add meeting"
        emptyText="No meetings yet."
        itemLabel={(meeting) => `Meeting ${meeting.name || 'untitled'}`}
        makeNew={() => ({ id: newItemId('meeting'), name: '', cadence: 'monthly', owner: 'revops', purpose: '', consensus: proposedConsensus() })}
        renderFields={(meeting, set) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <TextField label="Meeting" value={meeting.name} error={issues.get(`${meeting.id}:name`)} onChange={(value) => set((target) => void (target.name = value), `${meeting.id}.name`)} />
              <SelectField label="Cadence" value={meeting.cadence} data={options(cadenceLabels)} onChange={(value) => set((target) => void (target.cadence = value))} />
              <SelectField label="Owner" value={meeting.owner} data={options(teamLabels)} onChange={(value) => set((target) => void (target.owner = value))} />
            </SimpleGrid>
            <LongTextField label="Purpose" value={meeting.purpose} onChange={(value) => set((target) => void (target.purpose = value), `${meeting.id}.purpose`)} />
          </Stack>
        )}
      />
    </Stack>
  );
}
