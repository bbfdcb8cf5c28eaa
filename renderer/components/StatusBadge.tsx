import { Badge } from '@mantine/core';
import type { WorkshopStatus } from '../../shared/model/workshop';

const labels: Record<WorkshopStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  signing: { label: 'Signing', color: 'yellow' },
  signed: { label: 'Signed', color: 'teal' },
  amended: { label: 'Amended', color: 'grape' },
};

/**
 * A workshop's status as a coloured label. It never shrinks and never cuts its word ("Sig…"): a row that is
 * short of room wraps or squeezes its other content instead.
 */
export function StatusBadge({ status }: { status: WorkshopStatus }) {
  const { label, color } = labels[status];
  return (
    <Badge variant="light" color={color} radius="sm" size="lg" tt="none" fw={600} className="accord-status-badge" style={{ flexShrink: 0, maxWidth: 'none' }} styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }} data-testid="status-badge">
      {label}
    </Badge>
  );
}
