import { Button, Chip, Group, Select, SimpleGrid, Stack, TagsInput, Text } from '@mantine/core';
import { useMemo } from 'react';
import { describeCalendar } from '../../../../shared/engines/calendar/business-time';
import { planVolumeTarget } from '../../../../shared/model/funnel';
import { type commitmentKinds, type commitmentUnits, type commitmentWindows, teamLabels, type Commitment, type Handoff } from '../../../../shared/model/agreement';
import { proposedConsensus } from '../../../../shared/model/consensus';
import { ListEditor, LongTextField, NumberField, options, SectionHeading, SelectField, SubHeading, TextField, newItemId, useAgreementEditor } from '../../../components/editor-kit';

const kindLabels: Record<(typeof commitmentKinds)[number], string> = {
  'mql-volume': 'Marketing volume (from the plan)',
  'first-touch': 'First touch',
  attempts: 'Attempts before “unable to reach”',
  'accept-reject': 'Accept or reject MQLs',
  'sql-accept': 'Accept or return SQLs',
  'opportunity-update': 'Opportunity updates',
  'data-completeness': 'Data completeness',
  custom: 'Other commitment',
};
const unitLabels: Record<(typeof commitmentUnits)[number], string> = { count: 'count', 'business-hours': 'business hours', hours: 'hours', 'business-days': 'business days', days: 'days', attempts: 'attempts', percent: '%' };
const windowLabels: Record<(typeof commitmentWindows)[number], string> = { 'per-week': 'per week', 'per-month': 'per month', 'per-period': 'per plan period', 'per-lead': 'per lead', 'per-opportunity': 'per opportunity' };

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The working calendar business hours and days are counted in (the SLA review measures with it). */
function CalendarEditor() {
  const { agreement, update } = useAgreementEditor();
  const calendar = agreement.calendar;
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']), []);
  if (!calendar) {
    return (
      <Group>
        <Text c="dimmed">No working calendar yet: business hours cannot be measured.</Text>
        <Button variant="light" onClick={() => update((draft) => void (draft.calendar = { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] }))}>
          Add a working calendar
        </Button>
      </Group>
    );
  }
  const set = (recipe: (target: NonNullable<typeof calendar>) => void, key?: string) => update((draft) => draft.calendar && recipe(draft.calendar), key);
  const invalid = calendar.start >= calendar.end ? 'The working day must end after it starts.' : undefined;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {describeCalendar(calendar)}. Response times in business hours and days are counted only inside these hours.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Select label="Time zone" data={zones} value={calendar.timeZone} searchable onChange={(value) => value && set((target) => void (target.timeZone = value))} />
        <TextField label="Working day starts" type="time" value={calendar.start} onChange={(value) => set((target) => void (target.start = value), 'calendar.start')} />
        <TextField label="Working day ends" type="time" value={calendar.end} error={invalid} onChange={(value) => set((target) => void (target.end = value), 'calendar.end')} />
      </SimpleGrid>
      <div>
        <Text size="sm" fw={500} id="calendar-days">
          Working days
        </Text>
        <Chip.Group multiple value={calendar.workingDays.map(String)} onChange={(values) => set((target) => void (target.workingDays = values.map(Number).sort((a, b) => a - b)))}>
          <Group gap={6} mt={4} role="group" aria-labelledby="calendar-days">
            {weekdays.map((day, index) => (
              <Chip key={day} value={String(index + 1)} size="sm">
                {day}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <TagsInput label="Public holidays (YYYY-MM-DD, Enter after each)" value={calendar.holidays} onChange={(values) => set((target) => void (target.holidays = values.filter((value) => /^\d{4}-\d{2}-\d{2}$/.test(value))))} />
    </Stack>
  );
}

/** Part 8: handoff routes and each team's measurable commitments. */
export function HandoffSection() {
  const { agreement, issues } = useAgreementEditor();
  return (
    <Stack gap={0}>
      <SectionHeading number={8} title="Handoff and SLA" summary="Who hands what to whom, through which CRM queue, with which fields filled in; and what each team commits to, measured by which report, escalated to whom." />
      {issues.get('commitments:kind') && <Text c="red.8">{issues.get('commitments:kind')}</Text>}
      <SubHeading count={agreement.handoffs.length}>Handoff routes</SubHeading>
      <ListEditor<Handoff>
        items={agreement.handoffs}
        list={(draft) => draft.handoffs}
        prefix="handoff"
        addLabel="Add handoff"
        emptyText="No handoff routes yet."
        itemLabel={(handoff) => `Handoff ${teamLabels[handoff.from]} to ${teamLabels[handoff.to]}`}
        makeNew={() => ({ id: newItemId('handoff'), from: 'marketing', to: 'inside-sales', what: '', queue: '', requiredFields: [], consensus: proposedConsensus() })}
        renderFields={(handoff, set) => (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
              <SelectField label="From" value={handoff.from} data={options(teamLabels)} onChange={(value) => set((target) => void (target.from = value))} />
              <SelectField label="To" value={handoff.to} data={options(teamLabels)} error={issues.get(`${handoff.id}:to`)} onChange={(value) => set((target) => void (target.to = value))} />
              <TextField label="What" value={handoff.what} error={issues.get(`${handoff.id}:what`)} onChange={(value) => set((target) => void (target.what = value), `${handoff.id}.what`)} />
              <TextField label="Through (CRM queue)" value={handoff.queue} onChange={(value) => set((target) => void (target.queue = value), `${handoff.id}.queue`)} />
            </SimpleGrid>
            <TagsInput label="Fields that must be filled in (Enter after each)" value={handoff.requiredFields} onChange={(values) => set((target) => void (target.requiredFields = values))} />
          </Stack>
        )}
      />
      <SubHeading>Business hours</SubHeading>
      <CalendarEditor />
      <SubHeading count={agreement.commitments.length}>Commitments</SubHeading>
      <ListEditor<Commitment>
        items={agreement.commitments}
        list={(draft) => draft.commitments}
        prefix="commit"
        addLabel="Add commitment"
        emptyText="No commitments yet."
        itemLabel={(commitment) => `Commitment ${commitment.metric || 'untitled'}`}
        dependsOn={JSON.stringify(planVolumeTarget(agreement, { window: 'per-month' }))}
        makeNew={() => ({ id: newItemId('commit'), team: 'inside-sales', kind: 'custom', metric: '', target: null, overDays: null, unit: 'count', window: 'per-month', measuredBy: '', escalation: '', consensus: proposedConsensus() })}
        renderFields={(commitment, set) => {
          const fromPlan = commitment.kind === 'mql-volume' ? planVolumeTarget(agreement, commitment) : null;
          return (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
                <SelectField label="Team" value={commitment.team} data={options(teamLabels)} onChange={(value) => set((target) => void (target.team = value))} />
                <SelectField label="Kind" value={commitment.kind} data={options(kindLabels)} onChange={(value) => set((target) => void (target.kind = value))} />
                <div style={{ gridColumn: 'span 2' }}>
                  <TextField label="Metric" value={commitment.metric} error={issues.get(`${commitment.id}:metric`)} onChange={(value) => set((target) => void (target.metric = value), `${commitment.id}.metric`)} />
                </div>
                {commitment.kind === 'mql-volume' ? (
                  <TextField label="Target (from the revenue plan)" value={fromPlan ? `${fromPlan.value.toLocaleString('en-US')} ${fromPlan.unit}` : 'Complete the revenue plan'} onChange={() => undefined} description="Change the plan to change it" />
                ) : (
                  <NumberField label="Target" value={commitment.target} error={issues.get(`${commitment.id}:target`)} min={0} onChange={(value) => set((target) => void (target.target = value), `${commitment.id}.target`)} />
                )}
                <SelectField label="Unit" value={commitment.unit} data={options(unitLabels)} onChange={(value) => set((target) => void (target.unit = value))} />
                <SelectField label="Window" value={commitment.window} data={options(windowLabels)} onChange={(value) => set((target) => void (target.window = value))} />
                {commitment.kind === 'attempts' && <NumberField label="Over" suffix=" days" value={commitment.overDays} error={issues.get(`${commitment.id}:overDays`)} min={1} onChange={(value) => set((target) => void (target.overDays = value), `${commitment.id}.overDays`)} />}
              </SimpleGrid>
              <TextField label="Measured by (CRM report)" value={commitment.measuredBy} error={issues.get(`${commitment.id}:measuredBy`)} onChange={(value) => set((target) => void (target.measuredBy = value), `${commitment.id}.measuredBy`)} />
              <LongTextField label="Escalation when missed" value={commitment.escalation} onChange={(value) => set((target) => void (target.escalation = value), `${commitment.id}.escalation`)} />
            </Stack>
          );
        }}
      />
    </Stack>
  );
}
