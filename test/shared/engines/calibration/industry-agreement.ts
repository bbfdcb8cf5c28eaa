import { findTemplate } from '../../../../shared/templates/templates';

/** An export's whole text as the single chunk the engines stream. */
export async function* chunksOf(text: string) {
  yield text;
}

/**
 * One criterion (industry = Software, 50 points), no committee points, no signals, fast-tracks or decay: every
 * figure of a run follows from the industry column and the outcome, so a test computes it by hand.
 */
export function industryAgreement() {
  const agreement = findTemplate('b2b-saas-mid-market')!.build();
  agreement.icp = agreement.icp.filter((criterion) => criterion.id === 'icp-industry').map((criterion) => ({ ...criterion, points: 50 }));
  agreement.buyingCommittee.cells = agreement.buyingCommittee.cells.map((cell) => ({ ...cell, points: 0 }));
  agreement.engagement.signals = [];
  agreement.engagement.fastTracks = [];
  agreement.engagement.decay.mode = 'none';
  return agreement;
}
