import { describe, expect, it } from 'vitest';
import { itemIdOf } from '../../../../renderer/features/presenter/usePresenterFeed';

describe('the item the facilitator works on (sent to the presenter)', () => {
  it('is the item card or the part-table row that holds the focused element', () => {
    document.body.innerHTML = `
      <article id="item-icp-region"><input id="field" /></article>
      <table data-testid="part-table"><tbody><tr data-row="0"><th id="row0" tabindex="0">A</th></tr><tr data-row="1"><td><button id="row1">M</button></td></tr></tbody></table>
      <header><button id="elsewhere">Next part</button></header>`;
    const ids = ['stage-inquiry', 'stage-mql'];
    expect(itemIdOf(document.getElementById('field'), ids)).toBe('icp-region');
    expect(itemIdOf(document.getElementById('row0'), ids)).toBe('stage-inquiry');
    expect(itemIdOf(document.getElementById('row1'), ids)).toBe('stage-mql');
    expect(itemIdOf(document.getElementById('elsewhere'), ids)).toBeNull();
    // A single item without a card is named by its consensus bar.
    document.body.insertAdjacentHTML('beforeend', '<div data-consensus-bar data-consensus-item="revenue:revenue-plan"><button id="thumb">Marketing agrees</button></div>');
    expect(itemIdOf(document.getElementById('thumb'), ids)).toBe('revenue-plan');
    // A row the part no longer has (the agreement changed under it) names nothing.
    expect(itemIdOf(document.getElementById('row1'), ['stage-inquiry'])).toBeNull();
  });
});
