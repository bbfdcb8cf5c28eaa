import { Cell, Funnel, FunnelChart as RechartsFunnel, ResponsiveContainer, Tooltip } from 'recharts';
import type { FunnelLevelNeed } from '../../../../shared/model/funnel';
import { funnelLevelLabels } from '../../../../shared/model/funnel';

const colours = ['#17458e', '#2754a0', '#305fb3', '#3f70ca', '#648bd2', '#88a6dc'];
const HEIGHT = 320;
const MARGIN = 8;

/**
 * The funnel, widest (leads) on top. Widths follow the square root of the
 * volumes so that a few deals stay visible under thousands of leads; the
 * labels carry the real numbers. The labels are a column of their own beside
 * the bands (one row per band, same height), never drawn over a band: the
 * widest band reached under recharts' "right" labels, and "Leads: 9,000" sat
 * on dark blue. Loaded on demand (recharts is large).
 */
export function FunnelChart({ levels, unit }: { levels: FunnelLevelNeed[]; unit: 'perPeriod' | 'perMonth' | 'perWeek' }) {
  const data = [...levels].reverse().map((level, index) => ({
    name: funnelLevelLabels[level.level],
    value: Math.sqrt(Math.max(level[unit], 0)),
    label: `${funnelLevelLabels[level.level]}: ${Math.ceil(level[unit] - 1e-9).toLocaleString('en-US')}`,
    fill: colours[index % colours.length],
  }));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', alignItems: 'stretch', gap: 16, width: '100%', height: HEIGHT }} data-testid="funnel-chart">
      <div role="img" aria-label={`Funnel chart: ${data.map((entry) => entry.label).join(', ')}`} style={{ minWidth: 0, height: HEIGHT }}>
        <ResponsiveContainer>
          <RechartsFunnel margin={{ top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN }}>
            <Tooltip formatter={(_value, _name, item) => [(item.payload as { label: string }).label, '']} />
            <Funnel dataKey="value" data={data} isAnimationActive={false}>
              {data.map((entry) => (
                <Cell key={entry.name} fill={entry.fill} />
              ))}
            </Funnel>
          </RechartsFunnel>
        </ResponsiveContainer>
      </div>
      <ol aria-hidden style={{ display: 'grid', gridTemplateRows: `repeat(${Math.max(data.length, 1)}, 1fr)`, alignItems: 'center', margin: 0, padding: `${MARGIN}px 0`, listStyle: 'none', fontSize: 15, fontWeight: 600, whiteSpace: 'nowrap' }}>
        {data.map((entry) => (
          <li key={entry.name} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <span style={{ width: 12, height: 12, borderRadius: 3, background: entry.fill, flex: 'none' }} />
            {entry.label}
          </li>
        ))}
      </ol>
    </div>
  );
}
