import { MantineProvider } from '@mantine/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppStores } from '../../../../renderer/store/create-stores';
import { StoresProvider, useEditor } from '../../../../renderer/store/stores';
import { EditorProvider } from '../../../../renderer/components/editor-kit';
import { PART_VIEWS_KEY, PartView } from '../../../../renderer/features/workshop/PartTable';
import { consensusItems } from '../../../../shared/model/sections';
import { findTemplate } from '../../../../shared/templates/templates';
import { freshDatabase } from '../../support/render-app';

/**
 * The part's cards, as far as this test needs them: one card per criterion with a field, named as the editor names
 * them (`item-<id>`). The real cards took 20–30 s to render in jsdom here (before happy-dom); the end-to-end test opens them in Chromium.
 */
function Cards({ ids }: { ids: string[] }) {
  return (
    <div data-testid="cards">
      {ids.map((id) => (
        <article key={id} id={`item-${id}`}>
          <input aria-label={`Field of ${id}`} />
        </article>
      ))}
    </div>
  );
}

function Part() {
  const agreement = useEditor((state) => state.agreement);
  if (!agreement) return null;
  return (
    <EditorProvider agreement={agreement}>
      <PartView section="icp">
        <Cards ids={agreement.icp.map((criterion) => criterion.id)} />
      </PartView>
    </EditorProvider>
  );
}

/** Part 4 of a template workshop, opened in its table view (as this computer remembers it), without the rest of the screen. */
async function openIcpTable() {
  localStorage.setItem(PART_VIEWS_KEY, JSON.stringify({ icp: 'table' }));
  let now = 1_750_000_000_000;
  const stores = createAppStores(freshDatabase(), { now: () => (now += 1000), saveDelayMs: 50 });
  const record = await stores.library.getState().create({ title: 'Acme agreement', client: 'Acme GmbH', agreement: findTemplate('b2b-saas-mid-market')!.build() });
  await stores.editor.getState().open(record.id);
  const user = userEvent.setup();
  render(
    <MantineProvider env="test">
      <StoresProvider stores={stores}>
        <Part />
      </StoresProvider>
    </MantineProvider>,
  );
  const grid = await screen.findByRole('grid', { name: 'Ideal customer profile: 8 items' });
  const icp = () => consensusItems(stores.editor.getState().agreement!).filter((item) => item.section === 'icp');
  return { stores, user, grid, icp };
}

const rowOf = (grid: HTMLElement, label: string) => within(grid).getByRole('rowheader', { name: label }).closest('tr')!;

describe('the compact table of a part, from the keyboard (issue 14)', () => {
  it('one line per item with its substance; j/k and arrows move; m/s agree (again: take back); Shift+M disagrees; Shift+K parks; undo; Enter opens the card', async () => {
    const { stores, user, grid, icp } = await openIcpTable();
    const rows = within(grid).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(8);
    expect(rows[0]).toHaveTextContent('Criterion “Region we sell in”');
    expect(rows[0]).toHaveTextContent('Region is one of DACH, Benelux, Nordics, UK & Ireland · must-have');
    // The focused cell tells a screen reader what the item says and where each side stands.
    const first = within(grid).getByRole('rowheader', { name: 'Criterion “Region we sell in”' });
    expect(first).toHaveAccessibleDescription(/must-have Marketing: still to say\. .*Sales: still to say\. .*Proposed/);
    expect(first).toHaveAttribute('tabindex', '0');

    act(() => first.focus());
    await user.keyboard('j');
    expect(document.activeElement).toBe(within(grid).getByRole('rowheader', { name: 'Criterion “50–1,000 employees”' }));
    await user.keyboard('{ArrowDown}{ArrowDown}k');
    expect(document.activeElement).toBe(within(grid).getByRole('rowheader', { name: 'Criterion “Core industries”' }));
    expect(within(grid).getAllByRole('rowheader').filter((cell) => cell.getAttribute('tabindex') === '0')).toHaveLength(1);

    // m and s: both sides agree to "Core industries", for its content now.
    await user.keyboard('ms');
    const industries = () => icp().find((item) => item.id === 'icp-industry')!;
    expect(industries().state).toBe('agreed');
    expect(industries().consensus.marketingFor).toBe(industries().contentHash);
    expect(within(rowOf(grid, 'Criterion “Core industries”')).getByTestId('row-state')).toHaveTextContent('Agreed');
    // m again takes marketing's yes back; Shift+M is marketing's no: disputed.
    await user.keyboard('m');
    expect(industries().positions).toEqual({ marketing: 'pending', sales: 'agree' });
    await user.keyboard('M');
    expect(industries().state).toBe('disputed');
    // Shift+K parks it; again takes it back into discussion.
    await user.keyboard('K');
    expect(industries().state).toBe('parked');
    expect(within(rowOf(grid, 'Criterion “Core industries”')).getByTestId('row-state')).toHaveTextContent('Parked');
    await user.keyboard('K');
    expect(industries().state).toBe('disputed');
    // Each key is one undo step, as a click on the card's thumbs is.
    act(() => stores.editor.getState().undo());
    act(() => stores.editor.getState().undo());
    act(() => stores.editor.getState().undo());
    expect(industries().positions).toEqual({ marketing: 'pending', sales: 'agree' });

    // Home/End, then Enter: the part's cards, with the focus in that item's card.
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(within(grid).getByRole('rowheader', { name: 'Criterion “Personal e-mail domains”' }));
    // The session's Alt shortcuts act on the focused row too (Alt+S: sales agrees).
    await user.keyboard('{Alt>}s{/Alt}');
    expect(icp().find((item) => item.id === 'icp-personal-email')!.positions.sales).toBe('agree');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('grid')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Field of icp-personal-email' })));
    expect(JSON.parse(localStorage.getItem(PART_VIEWS_KEY)!)).toEqual({ icp: 'cards' });
  });

  it('"Both sides agree to this part": every row agreed, the room is told, and one undo takes every position back', async () => {
    const { stores, user, grid, icp } = await openIcpTable();
    await user.click(screen.getByRole('button', { name: 'Both sides agree to this part' }));
    expect(icp().every((item) => item.state === 'agreed')).toBe(true);
    expect(within(grid).getAllByTestId('row-state').map((cell) => cell.textContent)).toEqual(Array(8).fill('Agreed'));
    expect(screen.getByTestId('part-settle-result')).toHaveTextContent('Marketing and sales agreed to 8 items of Ideal customer profile. One undo (Ctrl/Cmd+Z) takes it back.');
    expect(screen.getByTestId('part-progress')).toHaveTextContent('8 of 8 agreed');
    expect(screen.getByRole('button', { name: 'Both sides agree to this part' })).toBeDisabled();
    act(() => stores.editor.getState().undo());
    expect(icp().every((item) => item.state === 'proposed' && item.positions.marketing === 'pending' && item.positions.sales === 'pending')).toBe(true);
    expect(screen.getByTestId('part-progress')).toHaveTextContent('0 of 8 agreed · waiting for marketing on 8 and sales on 8');
    // Sales alone, then marketing alone: agreed again.
    await user.click(screen.getByRole('button', { name: 'Sales agrees to all' }));
    expect(icp().every((item) => item.positions.sales === 'agree' && item.state === 'proposed')).toBe(true);
    expect(screen.getByTestId('part-progress')).toHaveTextContent(/^0 of 8 agreed · waiting for marketing on 8$/);
    await user.click(screen.getByRole('button', { name: 'Marketing agrees to all' }));
    expect(icp().every((item) => item.state === 'agreed')).toBe(true);
  });
});
