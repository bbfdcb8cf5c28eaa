import { parseMapping } from '../../shared/engines/calibration/mapping';
import { proposedConsensus } from '../../shared/model/consensus';
import { findTemplate } from '../../shared/templates/templates';

/**
 * The story from a real export: a criterion "first contact in 2024" looks
 * predictive only because the 2025 leads include the last quarter, which has
 * not had time to convert. Built as German Excel writes it (semicolons,
 * DD.MM.YYYY), with the closed deals in a second file holding the won date.
 */
export function windowStory() {
  const leads: { id: string; date: string; year: string; won: boolean }[] = [];
  const add = (count: number, year: number, months: number[], wonEvery: number | null, firstDay = 1) => {
    for (let index = 0; index < count; index += 1) {
      const month = months[index % months.length]!;
      const day = (index % 27) + firstDay;
      leads.push({ id: `L${leads.length + 1}`, date: `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`, year: String(year), won: wonEvery !== null && index % wonEvery === 0 });
    }
  };
  add(200, 2024, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 4); // 50 of 200 won
  add(200, 2025, [1, 2, 3, 4, 5, 6, 7, 8, 9], 4); // 50 of 200 won, all at least a cycle old
  // The last two months (2 to 28 November and December): none won yet. 60 days before the last won date (31.12.2025) is 01.11.2025.
  add(200, 2025, [11, 12], null, 2);
  const export_ = ['Lead-ID;Erstkontakt;Jahr', ...leads.map((lead) => `${lead.id};${lead.date};${lead.year}`)].join('\r\n');
  const deals = ['Lead-ID;Gewonnen am', ...leads.filter((lead) => lead.won).map((lead, index) => `${lead.id};${String((index % 28) + 1).padStart(2, '0')}.12.2025`), 'L0;31.12.2025'].join('\r\n');
  const agreement = findTemplate('b2b-saas-mid-market')!.build();
  agreement.revenuePlan.salesCycleDays = 60;
  agreement.icp = [{ id: 'icp-year', attribute: 'firstContactYear', label: 'First contact in 2024', match: { kind: 'in', values: ['2024'] }, effect: 'points', points: 50, rationale: 'Older relationships.', consensus: proposedConsensus() }];
  agreement.buyingCommittee.cells = agreement.buyingCommittee.cells.map((cell) => ({ ...cell, points: 0 }));
  agreement.engagement.signals = [];
  agreement.engagement.fastTracks = [];
  agreement.engagement.decay.mode = 'none';
  const mapping = parseMapping({ version: 1, attributes: { firstContactYear: { column: 'Jahr' } }, outcome: { file: { key: 'Lead-ID', fileKey: 'Lead-ID', date: 'Gewonnen am' } }, date: { column: 'Erstkontakt' } });
  return { leads, export_, deals, agreement, mapping };
}
