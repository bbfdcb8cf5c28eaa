import { describe, expect, it } from 'vitest';
import { isSettled, proposedConsensus, withParked, withPosition } from '../../../shared/model/consensus';

describe('consensus', () => {
  it('becomes agreed when marketing and sales both agree', () => {
    const both = withPosition(withPosition(proposedConsensus('sales'), 'marketing', 'agree'), 'sales', 'agree');
    expect(both).toMatchObject({ proposedBy: 'sales', marketing: 'agree', sales: 'agree', state: 'agreed' });
    expect(isSettled(both)).toBe(true);
  });
  it('is disputed as soon as one side disagrees, and proposed while one is pending', () => {
    expect(withPosition(proposedConsensus(), 'sales', 'disagree').state).toBe('disputed');
    expect(withPosition(proposedConsensus(), 'marketing', 'agree').state).toBe('proposed');
  });
  it('stays parked when positions change, and comes back to the derived state when unparked', () => {
    const parked = withParked(proposedConsensus(), true);
    const stillParked = withPosition(withPosition(parked, 'marketing', 'agree'), 'sales', 'agree');
    expect(stillParked.state).toBe('parked');
    expect(isSettled(stillParked)).toBe(true);
    expect(withParked(stillParked, false).state).toBe('agreed');
  });
});
