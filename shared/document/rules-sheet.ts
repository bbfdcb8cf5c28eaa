import type { Agreement } from '../model/agreement';
import { csvCell } from './escape';

/** One rule as RevOps configures it in a marketing-automation or CRM tool. */
export interface RuleRow {
  type: string;
  name: string;
  field: string;
  condition: string;
  points: string;
  cap: string;
  note: string;
}

const platformNote = {
  decay: 'HubSpot and Salesforce have no built-in score decay; Marketo has none for half-life. Schedule a workflow that applies it (e.g. nightly).',
  cap: 'HubSpot supports score limits per group; in Marketo use a smart campaign with a “score is less than” constraint.',
  disqualifier: 'Configure as a negative score or an exclusion list; a hard exclusion needs a workflow that sets the lifecycle stage.',
  fastTrack: 'Configure as a trigger workflow that sets the lifecycle stage to MQL and routes to the SDR queue at once.',
};

/** The scoring rules as rows a RevOps person can configure, with notes where platforms cannot do a rule natively. */
export function scoringRules(agreement: Agreement): RuleRow[] {
  const rows: RuleRow[] = [];
  for (const criterion of agreement.icp) {
    const match = criterion.match;
    const condition = match.kind === 'in' ? `is any of: ${match.values.join('; ')}` : match.kind === 'range' ? `between ${match.min ?? '−∞'} and ${match.max ?? '∞'}` : match.kind === 'boolean' ? `is ${match.value ? 'true' : 'false'}` : `contains "${match.text}"`;
    rows.push({
      type: criterion.effect === 'must-have' ? 'Fit: must-have (knock-out)' : criterion.effect === 'points' ? 'Fit: points' : 'Fit: disqualifier',
      name: criterion.label,
      field: criterion.attribute,
      condition: criterion.effect === 'must-have' ? `required: ${condition}` : condition,
      points: criterion.points === null ? '' : String(criterion.points),
      cap: '',
      note: criterion.effect === 'disqualifier' ? platformNote.disqualifier : criterion.effect === 'must-have' ? 'A lead without it cannot become an MQL; configure as a filter on the MQL rule.' : '',
    });
  }
  for (const cell of agreement.buyingCommittee.cells) {
    if (cell.points === null || cell.points === 0) continue;
    rows.push({ type: 'Fit: decision maker', name: `${cell.seniority} in ${cell.function}`, field: 'job function + seniority', condition: `function = ${cell.function} and seniority = ${cell.seniority}`, points: String(cell.points), cap: '', note: cell.role ? `Buying role: ${cell.role}` : '' });
  }
  for (const signal of agreement.engagement.signals) {
    rows.push({ type: 'Engagement', name: signal.name, field: signal.key, condition: 'each occurrence', points: signal.points === null ? '' : String(signal.points), cap: signal.cap === null ? '' : String(signal.cap), note: signal.cap === null ? '' : platformNote.cap });
  }
  const decay = agreement.engagement.decay;
  if (decay.mode !== 'none') rows.push({ type: 'Engagement: decay', name: decay.mode === 'half-life' ? 'Half-life' : 'Reset after inactivity', field: 'engagement score', condition: decay.mode === 'half-life' ? `halve every ${decay.days} days` : `reset after ${decay.days} days without activity`, points: '', cap: '', note: platformNote.decay });
  for (const trigger of agreement.engagement.fastTracks) rows.push({ type: 'Fast track', name: trigger.name, field: trigger.signalKey, condition: 'occurs once', points: '', cap: '', note: platformNote.fastTrack });
  const scoring = agreement.scoring;
  rows.push({ type: 'Threshold', name: 'Fit grades', field: 'fit score (0–100)', condition: `A ≥ ${scoring.fitThresholds.A}; B ≥ ${scoring.fitThresholds.B}; C ≥ ${scoring.fitThresholds.C}; D below`, points: '', cap: '100', note: 'Scale raw fit points to 0–100 and cap at 100.' });
  rows.push({ type: 'Threshold', name: 'Engagement levels', field: 'engagement score (0–100)', condition: `4 ≥ ${scoring.engagementThresholds[4]}; 3 ≥ ${scoring.engagementThresholds[3]}; 2 ≥ ${scoring.engagementThresholds[2]}; 1 below`, points: '', cap: '100', note: '' });
  rows.push({ type: 'MQL rule', name: 'Marketing qualified lead', field: 'fit grade + engagement level', condition: `fit grade ≥ ${scoring.mqlRule.minFitGrade} and engagement level ≥ ${scoring.mqlRule.minEngagement}${scoring.mqlRule.fastTrackQualifies ? ', or any fast track' : ''}`, points: '', cap: '', note: 'Grade letters and levels are usually custom fields computed by a workflow.' });
  return rows;
}

/** The rules sheet as CSV (comma-separated, RFC 4180 quoting, UTF-8 with a BOM for spreadsheet apps); no cell is read as a formula (see escape.ts). */
export function scoringRulesCsv(agreement: Agreement): string {
  const header = ['Type', 'Name', 'Field', 'Condition', 'Points', 'Cap', 'Note'];
  const lines = [header, ...scoringRules(agreement).map((row) => [row.type, row.name, row.field, row.condition, row.points, row.cap, row.note])];
  return `\ufeff${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The rules sheet as JSON, for scripts. */
export function scoringRulesJson(agreement: Agreement): string {
  return `${JSON.stringify({ agreement: agreement.workshop.title, client: agreement.workshop.client, rules: scoringRules(agreement) }, null, 2)}\n`;
}
