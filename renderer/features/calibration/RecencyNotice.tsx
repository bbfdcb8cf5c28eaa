import { Alert, Badge, Switch, Text } from '@mantine/core';
import type { CalibrationResult } from '../../../shared/engines/calibration/calibrate';
import { recencyOf, recencyText, recencyVerdicts } from '../../../shared/engines/calibration/recency';
import { ruleVerdictLabels } from '../../../shared/engines/calibration/verdict';

const count = (value: number) => Math.round(value).toLocaleString('en-US');

/**
 * Leads too recent to judge: how many, from which date, the toggle that
 * counts them, and the rules whose verdict depends on it; or why recency
 * could not be judged. Reads the stored result (both ways), not the figures shown.
 */
export function RecencyNotice({ result, includeRecent, onToggle }: { result: CalibrationResult; includeRecent: boolean; onToggle: (include: boolean) => void }) {
  const recency = recencyOf(result);
  if (!recency.judged) {
    return (
      <Alert color="gray" title="Too recent to judge: not checked" data-testid="calibration-recency">
        {recency.reason}
      </Alert>
    );
  }
  const changing = [...(recencyVerdicts(result)?.entries() ?? [])].filter(([, verdict]) => verdict.changes).map(([key]) => result.rules.find((rule) => `${rule.kind}:${rule.id}` === key)?.label ?? key);
  return (
    <Alert color={includeRecent ? 'orange' : 'blue'} title={`${count(recency.tooRecent)} leads too recent to judge ${includeRecent ? 'are counted' : 'are left out'}`} data-testid="calibration-recency">
      <Text size="sm">{recencyText(recency)}. They have not had one sales cycle to convert; counted as not converted, they make whatever is common among recent leads look bad, and the rest look good.</Text>
      <Switch mt="sm" label={`Count the ${count(recency.tooRecent)} leads too recent to judge`} checked={includeRecent} onChange={(event) => onToggle(event.currentTarget.checked)} />
      {changing.length > 0 && (
        <Text size="sm" mt="sm" fw={600}>
          The verdict on {changing.join(', ')} changes with this switch: read it with care.
        </Text>
      )}
    </Alert>
  );
}

/** Beside a rule's verdict: what it would be the other way, when counting the too-recent leads changes it. */
export function RecencyMark({ result, rule, includeRecent }: { result: CalibrationResult; rule: CalibrationResult['rules'][number]; includeRecent: boolean }) {
  const verdict = recencyVerdicts(result)?.get(`${rule.kind}:${rule.id}`);
  if (!verdict?.changes) return null;
  const other = includeRecent ? verdict.excluding : verdict.including;
  return (
    <Badge variant="outline" color="orange" tt="none" mt={4} data-testid="calibration-recency-mark">
      {includeRecent ? 'Without' : 'With'} the recent leads: {ruleVerdictLabels[other]}
    </Badge>
  );
}
