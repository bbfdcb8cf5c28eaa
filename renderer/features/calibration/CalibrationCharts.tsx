import { Card, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CalibrationResult } from '../../../shared/engines/calibration/calibrate';

const axis = { fontSize: 13, fill: 'var(--mantine-color-text)' };

/** Leads per month against the plan's MQL need, and the threshold sweep. Loaded with the results (recharts is large). */
export function CalibrationCharts({ result }: { result: CalibrationResult }) {
  const [swept, setSwept] = useState<'fit' | 'engagement'>('fit');
  // A threshold no lead passes has no conversion: a gap in the line (null), not a drop to 0 %.
  const sweep = result.sweep[swept].map((point) => ({ threshold: point.threshold, mqls: point.mqls, conversion: point.mqls > 0 ? Math.round(point.conversion * 1000) / 10 : null, recall: Math.round(point.recall * 1000) / 10 }));
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
              {result.planMqlsPerMonth !== null ? `The revenue plan needs ${Math.ceil(result.planMqlsPerMonth).toLocaleString('en-US')} MQLs a month (dashed line).` : 'The revenue plan is incomplete, so there is no MQL need to compare with.'}
            </Text>
            <div className="calibration-chart" role="img" aria-label={`Leads and MQLs per month, ${result.months.length} months`}>
              <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 1000, height: 280 }}>
                <BarChart data={result.months}>
                  <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
                  <XAxis dataKey="month" tick={axis} />
                  <YAxis tick={axis} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="leads" name="Leads" fill="var(--mantine-color-accord-3)" isAnimationActive={false} />
                  <Bar dataKey="mqls" name="MQLs" fill="var(--mantine-color-accord-7)" isAnimationActive={false} />
                  {result.planMqlsPerMonth !== null && <ReferenceLine y={result.planMqlsPerMonth} stroke="var(--mantine-color-red-7)" strokeDasharray="6 4" label={{ value: 'Plan: MQLs needed', fill: 'var(--mantine-color-text)', position: 'insideTopRight' }} />}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </>
        )}
      </Card>
      <Card withBorder radius="md" padding="lg">
        <Title order={4} mb="xs">
          What if the threshold moved
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Every other part of the MQL rule as agreed; the threshold from 0 to 100. More volume, or better conversion: this is the trade-off to agree on.
        </Text>
        <SegmentedControl
          aria-label="Threshold to sweep"
          value={swept}
          onChange={(value) => setSwept(value as 'fit' | 'engagement')}
          data={[
            { value: 'fit', label: 'Fit threshold' },
            { value: 'engagement', label: 'Engagement threshold' },
          ]}
          mb="sm"
        />
        <div className="calibration-chart" role="img" aria-label={`Threshold sweep of the ${swept} score: MQL volume, conversion and recall`}>
          <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 1000, height: 300 }}>
            <LineChart data={sweep}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
              <XAxis dataKey="threshold" tick={axis} label={{ value: `${swept === 'fit' ? 'Fit' : 'Engagement'} threshold`, position: 'insideBottom', offset: -2, fill: 'var(--mantine-color-text)' }} height={44} />
              <YAxis yAxisId="volume" tick={axis} />
              <YAxis yAxisId="rate" orientation="right" unit=" %" domain={[0, 100]} tick={axis} />
              <Tooltip />
              <Legend />
              <Line yAxisId="volume" dataKey="mqls" name="MQLs" stroke="var(--mantine-color-accord-7)" strokeWidth={2} dot={false} isAnimationActive={false} />
              <Line yAxisId="rate" dataKey="conversion" name="Conversion %" stroke="var(--mantine-color-teal-7)" strokeWidth={2} dot={false} isAnimationActive={false} />
              <Line yAxisId="rate" dataKey="recall" name="Recall %" stroke="var(--mantine-color-orange-7)" strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </Card>
    </>
  );
}
