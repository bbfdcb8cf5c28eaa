import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReviewResult } from '../../../shared/engines/review/review';

const axis = { fontSize: 12, fill: 'var(--mantine-color-text)' };

/** The top of the weekly chart's axis: the tallest week or the plan's weekly need, whichever is higher, with a little room. */
export function weeklyAxisMax(dataMax: number, need: number | null): number {
  const top = Math.max(Number.isFinite(dataMax) ? dataMax : 0, need ?? 0) * 1.05;
  if (top <= 0) return 1;
  // A round number (steps of 1, 2 or 5 times a power of ten), so the top tick reads cleanly on a projector.
  const magnitude = 10 ** Math.floor(Math.log10(top));
  const step = top / magnitude <= 2 ? magnitude / 5 : top / magnitude <= 5 ? magnitude / 2 : magnitude;
  return Math.max(1, Math.ceil(top / step) * step);
}

/** Speed to lead against the target, weekly volume against the need, and the rejection reasons. */
export function ReviewCharts({ result }: { result: ReviewResult }) {
  const target = result.commitments.find((entry) => entry.kind === 'first-touch');
  const partWeeks = result.weekly.filter((week) => week.days !== undefined && week.days < 7).length;
  return (
    <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
      <Card withBorder radius="md" padding="lg">
        <Title order={4}>Speed to first touch</Title>
        <Text size="sm" c="dimmed" mb="xs">
          MQLs by business hours to the first touch; target: {target?.target ?? '—'}.
        </Text>
        <div role="img" aria-label="Speed to first touch, business hours">
          <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 360, height: 240 }}>
            <BarChart data={result.speedHistogram}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
              <XAxis dataKey="label" tick={axis} />
              <YAxis tick={axis} />
              <Tooltip />
              <Bar dataKey="count" name="MQLs" fill="var(--mantine-color-accord-6)" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Title order={4}>MQLs per week</Title>
        <Text size="sm" c="dimmed" mb="xs">
          {result.need.mqlsPerWeek !== null ? `The plan needs ${Math.ceil(result.need.mqlsPerWeek).toLocaleString('en-US')} a week (dashed line).` : 'The plan is incomplete.'}
          {partWeeks > 0 && ` Light bars: weeks only partly in the period or the export (fewer days).`}
        </Text>
        <div role="img" aria-label="MQLs per week against the plan">
          <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 360, height: 240 }}>
            <BarChart data={result.weekly}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
              <XAxis dataKey="week" tick={axis} />
              {/* The axis reaches the plan's need as well as the tallest week, so the line is never drawn off the chart. */}
              <YAxis tick={axis} domain={[0, (dataMax: number) => weeklyAxisMax(dataMax, result.need.mqlsPerWeek)]} allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="mqls" name="MQLs" fill="var(--mantine-color-accord-7)" isAnimationActive={false}>
                {result.weekly.map((week) => (
                  <Cell key={week.week} fill={week.days !== undefined && week.days < 7 ? 'var(--mantine-color-accord-3)' : 'var(--mantine-color-accord-7)'} />
                ))}
              </Bar>
              {result.need.mqlsPerWeek !== null && <ReferenceLine y={result.need.mqlsPerWeek} stroke="var(--mantine-color-red-text)" strokeWidth={2} strokeDasharray="6 4" ifOverflow="extendDomain" />}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Title order={4}>Rejection reasons</Title>
        <Text size="sm" c="dimmed" mb="xs">
          Reasons given; unknown codes are listed as data problems.
        </Text>
        <div role="img" aria-label="Rejection reasons">
          <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 360, height: 240 }}>
            <BarChart data={result.reasons} layout="vertical" margin={{ left: 24 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
              <XAxis type="number" tick={axis} />
              <YAxis type="category" dataKey="reason" tick={axis} width={110} />
              <Tooltip />
              <Bar dataKey="count" name="Rejections" fill="var(--mantine-color-orange-7)" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </Card>
    </SimpleGrid>
  );
}
