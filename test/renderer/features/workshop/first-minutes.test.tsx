import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../../../shared/templates/templates';
import { renderApp } from '../../support/render-app';

// Rendering part 1 in the test DOM takes seconds on a loaded 2-core machine.
const TIMEOUT = 120_000;

async function openNewWorkshop() {
  const app = await renderApp();
  const record = await app.library.getState().create({ title: 'Acme agreement', client: 'Acme GmbH', agreement: findTemplate('b2b-saas-mid-market')!.build() });
  act(() => app.navigation.getState().navigate({ screen: 'workshop', workshopId: record.id, section: 'workshop' }));
  await screen.findByRole('textbox', { name: 'Workshop title' }, { timeout: 5000 });
  return app;
}

const pane = () => screen.getByRole('heading', { level: 2, name: 'Workshop and people' }).closest('section')!;

describe('the first minutes of a new workshop', { timeout: TIMEOUT }, () => {
  it('opens without red errors; a field shows its problem once touched; "Ready to sign?" shows them all', async () => {
    const { user } = await openNewWorkshop();
    const part = pane();
    // Nothing typed yet: no field is marked invalid and no problem text is shown.
    expect(within(part).queryByText('Name the facilitator.')).not.toBeInTheDocument();
    expect(within(part).queryByText('Enter the workshop date.')).not.toBeInTheDocument();
    expect(within(part).queryByText('Name the marketing executive sponsor (CMO).')).not.toBeInTheDocument();
    expect(part.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);

    // Focus and leave the facilitator: now it says what is missing, and only there.
    const facilitator = within(part).getByRole('textbox', { name: /^Facilitator/ });
    await user.click(facilitator);
    await user.tab();
    expect(await within(part).findByText('Name the facilitator.')).toBeInTheDocument();
    expect(facilitator).toHaveAttribute('aria-invalid', 'true');
    expect(within(part).queryByText('Enter the next review date.')).not.toBeInTheDocument();

    // Typing fixes it; the message goes.
    await user.click(facilitator);
    await user.paste('Dana Lee');
    await waitFor(() => expect(within(part).queryByText('Name the facilitator.')).not.toBeInTheDocument());

    // The person asks "Ready to sign?": every field's problem shows, touched or not, and the list lists everything.
    await user.click(screen.getByTestId('ready-button'));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('Enter the workshop date.')).toBeInTheDocument();
    await waitFor(() => expect(within(part).getByText('Enter the workshop date.')).toBeInTheDocument());
    expect(within(part).getByText('Enter the next review date.')).toBeInTheDocument();
    expect(within(part).getByText('Name the marketing executive sponsor (CMO).')).toBeInTheDocument();
    expect(within(part).getByText('Name the participant who is Chief Marketing Officer.')).toBeInTheDocument();
  });
});
