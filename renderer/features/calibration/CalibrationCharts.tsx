import '@mantine/core/styles/Slider.css';
import { Button, Card, Group, SegmentedControl, Slider, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalibrationResult } from '../../../shared/engines/calibration/calibrate';
import { nearestSweepPoint, planMqlNeed, sweepAgainstPlan, thresholdEdit, type AgreementEdit, type SweptScore } from '../../../shared/engines/calibration/decision';
import type { Agreement } from '../../../shared/model/agreement';
import { formatPercent } from '../../../shared/text/percent';

const axis = { fontSize: 13, fill: 'var(--mantine-color-text)' };
// The tooltip in the theme's colours, its items in the text colour (recharts colours them like their lines: too pale on white, too dark on dark).
const tooltip = {
  contentStyle: { background: 'var(--mantine-color-body)', border: '1px solid var(--mantine-color-default-border)', color: 'var(--mantine-color-text)' },
  itemStyle: { color: 'var(--mantine-color-text)' },
  labelStyle: { color: 'var(--mantine-color-text)' },
};
const whole = (value: number) => Math.ceil(value - 1e-9).toLocaleString('en-US');
const count = (value: number) => Math.round(value).toLocaleString('en-US');
const tenths = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });

/**
 * Leads per month against the plan's MQL need, and the threshold sweep with the
 * MQL rule's threshold now, the plan's need, and "Use this threshold" (an edit
 * of the agreement, made by the panel through the editor). Loaded with the
 * results (recharts is large).
 */
export function CalibrationCharts({ result, agreement, onEdit, editDisabled, editNote }: { result: CalibrationResult; agreement: Agreement; onEdit: (edit: AgreementEdit) => void; editDisabled: string | null; editNote: ReactNode }) {
  const [swept, setSwept] = useState<SweptScore>('fit');
  const plan = useMemo(() => planMqlNeed(agreement), [agreement]);
  const against = useMemo(() => sweepAgainstPlan(result, agreement, swept), [result, agreement, swept]);
  const { boundary, months } = against;
  const perMonth = months !== null;
  // A threshold no lead passes has no conversion: a gap in the line (null), not a drop to 0 %.
  const sweep = against.points.map((point) => ({
    threshold: point.threshold,
    mqls: perMonth ? Math.round(point.mqlsPerMonth! * 10) / 10 : point.mqls,
    conversion: point.conversion === null ? null : Math.round(point.conversion * 1000) / 10,
    recall: point.recall === null ? null : Math.round(point.recall * 1000) / 10,
  }));
  const [picked, setPicked] = useState<Record<SweptScore, number | null>>({ fit: null, engagement: null });
  const start = nearestSweepPoint(against.points, boundary.current ?? 0)?.threshold ?? 0;
  const threshold = picked[swept] ?? start;
  const point = against.points.find((entry) => entry.threshold === threshold) ?? null;
  const outcome = thresholdEdit(agreement, swept, threshold);
  const scoreName = swept === 'fit' ? 'Fit' : 'Engagement';
  const planLine = plan.ok && perMonth ? plan.perMonth : null;
  const planText = plan.ok ? `The revenue plan needs ${whole(plan.perPeriod)} MQLs in its ${plan.periodWeeks}-week period: ${whole(plan.perMonth)} a month${perMonth ? ' (the dashed level line)' : ''}.` : plan.reason;
  const monthsText = perMonth ? `MQLs are a month over the ${months} ${months === 1 ? 'month' : 'months'} the export spans${against.undated > 0 ? ` (${count(against.undated)} leads without a date are counted in them)` : ''}.` : 'No data to compare with the plan a month: map a date column (step 2) and run again. MQLs below are for the whole export.';
  const nowText = boundary.fixed ? boundary.fixed : boundary.current === null ? `No threshold is entered for ${boundary.name}.` : `Now: the MQL rule asks for ${boundary.name} or better, which starts at a ${swept} score of ${tenths(boundary.current)} (the dashed upright line).`;
  return (
    <>
      <Card withBorder radius="md" padding="lg">
        <Title order={4} mb="xs">
          Leads and MQLs per month
        </Title>
        {result.months.length === 0 ? (
          <Text c="dimmed">Map a date column to see the months against the plan.</Text>
        ) : (
          <>
            <Text size="sm" c="dimmed" mb="sm">
              {plan.ok ? `The revenue plan needs ${whole(plan.perMonth)} MQLs a month (dashed line).` : plan.reason}
            </Text>
            <div className="calibration-chart" role="img" aria-label={`Leads and MQLs per month, ${result.months.length} months`}>
              <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 1000, height: 280 }}>
                <BarChart data={result.months}>
                  <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
                  <XAxis dataKey="month" tick={axis} />
                  <YAxis tick={axis} />
                  <Tooltip {...tooltip} />
                  <Legend />
                  <Bar dataKey="leads" name="Leads" fill="var(--mantine-color-accord-3)" isAnimationActive={false} />
                  <Bar dataKey="mqls" name="MQLs" fill="var(--mantine-color-accord-7)" isAnimationActive={false} />
                  {plan.ok && <ReferenceLine y={plan.perMonth} stroke="var(--mantine-color-red-7)" strokeDasharray="6 4" label={{ value: 'Plan: MQLs needed', fill: 'var(--mantine-color-text)', position: 'insideTopRight' }} />}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </>
        )}
      </Card>
      <Card withBorder radius="md" padding="lg" data-testid="calibration-sweep">
        <Title order={4} mb="xs">
          What if the threshold moved
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Every other part of the MQL rule as agreed; the threshold from 0 to 100. More volume, or better conversion: this is the trade-off to agree on.
        </Text>
        <SegmentedControl
          aria-label="Threshold to sweep"
          value={swept}
          onChange={(value) => setSwept(value as SweptScore)}
          data={[
            { value: 'fit', label: 'Fit threshold' },
            { value: 'engagement', label: 'Engagement threshold' },
          ]}
          mb="sm"
        />
        <Stack gap={2} mb="sm" data-testid="calibration-sweep-facts">
          <Text size="sm">{nowText}</Text>
          <Text size="sm">{planText}</Text>
          <Text size="sm" c="dimmed">
            {monthsText}
          </Text>
        </Stack>
        <div className="calibration-chart" role="img" aria-label={`Threshold sweep of the ${swept} score: MQL volume, conversion and recall`}>
          <ResponsiveContainer width="100%" height={290} initialDimension={{ width: 1000, height: 290 }}>
            <LineChart data={sweep} margin={{ top: 22, right: 8, left: 0, bottom: 0 }} onClick={(state) => typeof state?.activeLabel === 'number' && setPicked((current) => ({ ...current, [swept]: state.activeLabel as number }))}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
              <XAxis dataKey="threshold" type="number" domain={[0, 100]} ticks={[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]} tick={axis} label={{ value: `${scoreName} threshold`, position: 'insideBottom', offset: -2, fill: 'var(--mantine-color-text)' }} height={44} />
              <YAxis yAxisId="volume" tick={axis} label={{ value: perMonth ? 'MQLs a month' : 'MQLs', angle: -90, position: 'insideLeft', fill: 'var(--mantine-color-text)', style: { textAnchor: 'middle' } }} width={72} />
              <YAxis yAxisId="rate" orientation="right" unit=" %" domain={[0, 100]} tick={axis} />
              <Tooltip {...tooltip} />
              <Legend />
              <Line yAxisId="volume" dataKey="mqls" name={perMonth ? 'MQLs a month' : 'MQLs'} stroke="var(--mantine-color-accord-7)" strokeWidth={2} dot={false} isAnimationActive={false} />
              <Line yAxisId="rate" dataKey="conversion" name="Conversion %" stroke="var(--mantine-color-teal-7)" strokeWidth={2} dot={false} isAnimationActive={false} />
              <Line yAxisId="rate" dataKey="recall" name="Recall %" stroke="var(--mantine-color-orange-7)" strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
              {boundary.current !== null && !boundary.fixed && <ReferenceLine yAxisId="volume" x={boundary.current} stroke="var(--mantine-color-text)" strokeDasharray="6 4" label={{ value: `Now: ${tenths(boundary.current)}`, fill: 'var(--mantine-color-text)', position: 'top' }} />}
              {planLine !== null && <ReferenceLine yAxisId="volume" y={planLine} stroke="var(--mantine-color-red-7)" strokeDasharray="6 4" label={{ value: `Plan: ${whole(planLine)} a month`, fill: 'var(--mantine-color-text)', position: 'insideTopRight' }} />}
              {/* The point being tried (read out below the chart), when it is not the threshold now. */}
              {threshold !== boundary.current && <ReferenceLine yAxisId="volume" x={threshold} stroke="var(--mantine-color-accord-7)" strokeWidth={2} />}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <Stack gap="xs" mt="md">
          <Text size="sm" fw={600} id={`calibration-try-${swept}`}>
            Try a {swept} threshold (the solid upright line: click the chart, or move the slider with the arrow keys)
          </Text>
          <Slider aria-labelledby={`calibration-try-${swept}`} thumbLabel={`${scoreName} threshold to try`} min={0} max={100} step={5} value={threshold} onChange={(value) => setPicked((current) => ({ ...current, [swept]: value }))} marks={[0, 25, 50, 75, 100].map((value) => ({ value, label: String(value) }))} mb="lg" label={(value) => String(value)} />
          <Text data-testid="calibration-sweep-point" size="md">
            {point ? pointText(point, perMonth, plan.ok && perMonth ? plan.perMonth : null, swept) : `No sweep point at ${threshold}.`}
          </Text>
          <Group gap="sm" align="center">
            <Button leftSection={<IconCheck size={16} />} disabled={editDisabled !== null || !outcome.ok} onClick={() => outcome.ok && onEdit(outcome.edit)}>
              Use this threshold ({threshold})
            </Button>
            <Text size="sm" c="dimmed" data-testid="calibration-threshold-why">
              {editDisabled ?? (outcome.ok ? `${outcome.edit.text}: the grades and MQL rule then need both sides to reconfirm.` : outcome.reason)}
            </Text>
          </Group>
          {editNote}
        </Stack>
      </Card>
    </>
  );
}

function pointText(point: { threshold: number; mqls: number; mqlsPerMonth: number | null; conversion: number | null; recall: number | null }, perMonth: boolean, planPerMonth: number | null, swept: SweptScore): string {
  const volume = perMonth ? `${count(point.mqls)} MQLs, ${tenths(point.mqlsPerMonth!)} a month${planPerMonth !== null ? ` (the plan needs ${whole(planPerMonth)})` : ''}` : `${count(point.mqls)} MQLs`;
  const conversion = point.conversion === null ? 'no conversion (no MQL)' : `${formatPercent(point.conversion)} of them convert`;
  const recall = point.recall === null ? 'recall: no data (no lead converted)' : `${formatPercent(point.recall)} of all conversions caught`;
  return `At a ${swept} threshold of ${point.threshold}: ${volume}; ${conversion}; ${recall}.`;
}
