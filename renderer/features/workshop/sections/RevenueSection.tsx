import { Alert, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { computeFunnel, funnelInputsOf, funnelLevelLabels, planVolumeTarget } from '../../../../shared/model/funnel';
import type { RevenuePlan } from '../../../../shared/model/agreement';
import { ConsensusBar, NumberField, SectionHeading, SubHeading, TextField, useAgreementEditor } from '../../../components/editor-kit';

const FunnelChart = lazy(() => import('./FunnelChart').then((module) => ({ default: module.FunnelChart })));

const whole = (value: number) => Math.ceil(value - 1e-9).toLocaleString('en-US');

/** Part 2: the revenue plan, the reverse funnel computed live, and the SDR capacity check. */
export function RevenueSection() {
  const { agreement, update, issues } = useAgreementEditor();
  const plan = agreement.revenuePlan;
  const [unit, setUnit] = useState<'perPeriod' | 'perMonth' | 'perWeek'>('perMonth');
  const funnel = useMemo(() => computeFunnel(funnelInputsOf(agreement)), [agreement]);
  const volumeCommitment = agreement.commitments.find((commitment) => commitment.kind === 'mql-volume');
  const volumeTarget = volumeCommitment ? planVolumeTarget(agreement, volumeCommitment) : null;
  const issue = (field: string) => issues.get(`revenue-plan:${field}`);
  const setNumber = (field: keyof RevenuePlan) => (value: number | null) => update((draft) => void ((draft.revenuePlan as Record<string, unknown>)[field] = value), `plan.${field}`);
  const money = (field: 'revenueTarget' | 'averageDealSize', label: string) => <NumberField label={label} prefix={`${plan.currency} `} value={plan[field]} error={issue(field)} min={0} onChange={setNumber(field)} />;
  const percent = (field: 'winRate' | 'leadToMql' | 'mqlToSal' | 'salToSql' | 'sqlToOpportunity', label: string) => <NumberField label={label} suffix=" %" value={plan[field]} error={issue(field)} min={0} max={100} onChange={setNumber(field)} />;
  return (
    <Stack gap={0}>
      <SectionHeading number={2} title="Revenue plan and funnel" summary="Work back from the revenue target: how many deals, opportunities, SQLs, SALs, MQLs and leads the plan needs, when they must arrive, and whether the SDR team can work them." />
      <SimpleGrid cols={{ base: 1, md: 4 }} spacing="lg">
        <TextField label="Period" value={plan.periodLabel} onChange={(value) => update((draft) => void (draft.revenuePlan.periodLabel = value), 'plan.periodLabel')} />
        <NumberField label="Weeks in the period" value={plan.periodWeeks} error={issue('periodWeeks')} min={1} max={104} onChange={setNumber('periodWeeks')} />
        <TextField label="Currency" value={plan.currency} onChange={(value) => update((draft) => void (draft.revenuePlan.currency = value.toUpperCase().slice(0, 3)), 'plan.currency')} />
        {money('revenueTarget', 'Revenue target')}
        {money('averageDealSize', 'Average deal size')}
        {percent('winRate', 'Win rate (opportunity → won)')}
        <NumberField label="Sales cycle" suffix=" days" value={plan.salesCycleDays} error={issue('salesCycleDays')} min={0} onChange={setNumber('salesCycleDays')} />
        {percent('leadToMql', 'Lead → MQL')}
        {percent('mqlToSal', 'MQL → SAL')}
        {percent('salToSql', 'SAL → SQL')}
        {percent('sqlToOpportunity', 'SQL → opportunity')}
        <NumberField label="SDR headcount" value={plan.sdrHeadcount} error={issue('sdrHeadcount')} min={0} onChange={setNumber('sdrHeadcount')} />
        <NumberField label="Leads one SDR can work a week" value={plan.leadsPerSdrPerWeek} error={issue('leadsPerSdrPerWeek')} min={0} onChange={setNumber('leadsPerSdrPerWeek')} />
      </SimpleGrid>
      <Group mt="lg" gap="sm">
        <Text fw={600}>Marketing’s headline KPI</Text>
        <SegmentedControl
          aria-label="Marketing’s headline KPI"
          value={plan.headlineKpi}
          data={[
            { value: 'mqls', label: 'MQLs' },
            { value: 'sales-accepted-opportunities', label: 'Sales-accepted opportunities' },
          ]}
          onChange={(value) => update((draft) => void (draft.revenuePlan.headlineKpi = value as RevenuePlan['headlineKpi']))}
        />
      </Group>

      <SubHeading>What the plan needs</SubHeading>
      {!funnel.ok ? (
        <Alert color="yellow" icon={<IconAlertTriangle />} title="The funnel cannot be computed yet">
          {Object.values(funnel.errors).join(' ')}
        </Alert>
      ) : (
        <Stack gap="lg">
          <Alert
            color={funnel.capacity.status === 'ok' ? 'teal' : funnel.capacity.status === 'tight' ? 'yellow' : 'red'}
            icon={funnel.capacity.status === 'ok' ? <IconCircleCheck /> : <IconAlertTriangle />}
            title={funnel.capacity.status === 'ok' ? 'The SDR team can work this volume' : funnel.capacity.status === 'tight' ? 'SDR capacity is tight' : 'The SDR team cannot work this volume'}
            data-testid="capacity-check"
          >
            {funnel.capacity.message}
          </Alert>
          {volumeCommitment && volumeTarget && (
            <Text data-testid="volume-commitment">
              Marketing’s commitment “{volumeCommitment.metric}”: <strong>{volumeTarget.value.toLocaleString('en-US')} {volumeTarget.unit}</strong> {volumeCommitment.window.replace('per-', 'per ')}, read from this plan.
            </Text>
          )}
          <SegmentedControl
            aria-label="Show volumes"
            w="fit-content"
            value={unit}
            onChange={(value) => setUnit(value as typeof unit)}
            data={[
              { value: 'perPeriod', label: `Per ${plan.periodLabel.toLowerCase() || 'period'}` },
              { value: 'perMonth', label: 'Per month' },
              { value: 'perWeek', label: 'Per week' },
            ]}
          />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
            <Card withBorder radius="md" padding="md">
              <Suspense fallback={<div style={{ height: 320 }} />}>
                <FunnelChart levels={funnel.levels} unit={unit} />
              </Suspense>
              <Text size="xs" c="dimmed" ta="center">
                Widths follow the square root of each volume, so the deals stay visible; labels show the real numbers.
              </Text>
            </Card>
            <Table striped withTableBorder fz="md" aria-label="Funnel needs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Level</Table.Th>
                  <Table.Th ta="right">Per period</Table.Th>
                  <Table.Th ta="right">Per month</Table.Th>
                  <Table.Th ta="right">Per week</Table.Th>
                  <Table.Th ta="right">Starts</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {funnel.levels.map((level) => (
                  <Table.Tr key={level.level} data-level={level.level}>
                    <Table.Td fw={600}>{funnelLevelLabels[level.level]}</Table.Td>
                    <Table.Td ta="right">{whole(level.perPeriod)}</Table.Td>
                    <Table.Td ta="right">{whole(level.perMonth)}</Table.Td>
                    <Table.Td ta="right">{whole(level.perWeek)}</Table.Td>
                    <Table.Td ta="right">{level.leadTimeDays === 0 ? 'in period' : `${Math.ceil(level.leadTimeDays / 7)} wk before`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </SimpleGrid>
        </Stack>
      )}
      <SubHeading>Do both teams agree with this plan?</SubHeading>
      <ConsensusBar consensus={plan.consensus} itemLabel="the revenue plan" coalesceKey="revenue-plan" onChange={(consensus, key) => update((draft) => void (draft.revenuePlan.consensus = consensus), key)} />
    </Stack>
  );
}
