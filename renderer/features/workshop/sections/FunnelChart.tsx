import { Cell, Funnel, FunnelChart as RechartsFunnel, LabelList, ResponsiveContainer, Tooltip } from 'recharts';
import type { FunnelLevelNeed } from '../../../../shared/engines/funnel/funnel';
import { funnelLevelLabels } from '../../../../shared/engines/funnel/funnel';

const colours = ['#17458e', '#2754a0', '#305fb3', '#3f70ca', '#648bd2', '#88a6dc'];

/**
 * The funnel, widest (leads) on top. Widths follow the square root of the
 * volumes so that a few deals stay visible under thousands of leads; the
 * labels carry the real numbers. Loaded on demand (recharts is large).
 */
export function FunnelChart({ levels, unit }: { levels: FunnelLevelNeed[]; unit: 'perPeriod' | 'perMonth' | 'perWeek' }) {
  const data = [...levels].reverse().map((level, index) => ({
    name: funnelLevelLabels[level.level],
    value: Math.sqrt(Math.max(level[unit], 0)),
    label: `${funnelLevelLabels[level.level]}: ${Math.ceil(level[unit] - 1e-9).toLocaleString('en-US')}`,
    fill: colours[index % colours.length],
  }));
  return (
    <div role="img" aria-label={`Funnel chart: ${data.map((entry) => entry.label).join(', ')}`} style={{ width: '100%', height: 320 }}>
      <ResponsiveContainer>
        <RechartsFunnel margin={{ top: 8, right: 170, bottom: 8, left: 8 }}>
          <Tooltip formatter={(_value, _name, item) => [(item.payload as { label: string }).label, '']} />
          <Funnel dataKey="value" data={data} isAnimationActive={false}>
            {data.map((entry) => (
              <Cell key={entry.name} fill={entry.fill} />
            ))}
            <LabelList position="right" fill="var(--mantine-color-text)" stroke="none" dataKey="label" style={{ fontSize: 15, fontWeight: 600 }} />
          </Funnel>
        </RechartsFunnel>
      </ResponsiveContainer>
    </div>
  );
}
