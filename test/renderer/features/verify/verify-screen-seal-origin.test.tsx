import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../../renderer/app/App';
import { createAppStores } from '../../../../renderer/store/create-stores';
import { freshDatabase } from '../../support/render-app';
import { installShell } from '../../support/shell';

// The attack in the app: a PDF sealed by a new self-signed certificate with the same name and other terms
// verifies intact, and the Verify screen must say the certificate is unknown, with a fingerprint unlike this computer's.
let shell: Awaited<ReturnType<typeof installShell>>;
let own: { fingerprint: string };
let attacker: { fingerprint: string };
let ownPdf: Buffer;
let forgedPdf: Buffer;
const pairs = (fingerprint: string) => fingerprint.toUpperCase().match(/.{2}/g)!.join(':');

beforeAll(async () => {
  shell = await installShell({ now: () => new Date('2026-11-23T10:00:00Z') });
  // Sealed in Node by the real export (Chromium print, attach, seal), with the shell's own identity and an attacker's.
  const root = resolve(__dirname, '../../../..');
  execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'test/renderer/support/seal-attack-pdfs.ts'), shell.dataDir, shell.dataDir], { stdio: 'pipe' });
  const fingerprints = JSON.parse(await readFile(join(shell.dataDir, 'fingerprints.json'), 'utf8')) as { own: string; attacker: string };
  own = { fingerprint: fingerprints.own };
  attacker = { fingerprint: fingerprints.attacker };
  ownPdf = await readFile(join(shell.dataDir, 'own.pdf'));
  forgedPdf = await readFile(join(shell.dataDir, 'forged.pdf'));
}, 120_000);
afterAll(async () => {
  await shell.dispose();
});

async function verify(bytes: Buffer, name: string) {
  const stores = createAppStores(freshDatabase(), { saveDelayMs: 50 });
  await stores.library.getState().load();
  stores.navigation.getState().navigate({ screen: 'verify' });
  const view = render(<App stores={stores} mantineEnv="test" />);
  await screen.findByRole('heading', { name: 'Verify a PDF', level: 1 });
  const user = userEvent.setup({ applyAccept: false });
  await user.upload(screen.getByTestId('verify-input'), new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
  const result = await screen.findByTestId('verify-result', {}, { timeout: 20_000 });
  return { result, user, view };
}

describe('Verify: who made the seal, by fingerprint', () => {
  it('this computer’s PDF: "Sealed by this computer" with its fingerprint, and no offer to trust', async () => {
    const { result, view } = await verify(ownPdf, 'own.pdf');
    expect(within(result).getByTestId('verify-origin')).toHaveTextContent('Sealed by this computer');
    expect(within(result).getByTestId('verify-fingerprint')).toHaveTextContent(pairs(own.fingerprint));
    expect(within(result).queryByTestId('trust-seal')).not.toBeInTheDocument();
    view.unmount();
  }, 30_000);

  it('the forged PDF: intact, but "an unknown certificate" with another fingerprint; trusting it (name, confirm) makes it "sealed by <name>, trusted on <date>"', async () => {
    const { result, user, view } = await verify(forgedPdf, 'forged.pdf');
    expect(result).toHaveTextContent('forged.pdf: Intact, sealed by an unknown certificate');
    expect(within(result).getByTestId('verify-origin')).toHaveTextContent('Sealed by an unknown certificate (it says “Dana Facilitator”): anyone can create one with this name');
    const shown = within(result).getByTestId('verify-fingerprint').textContent;
    expect(shown).toBe(pairs(attacker.fingerprint));
    expect(shown).not.toBe(pairs(own.fingerprint));

    await user.click(within(result).getByTestId('trust-seal'));
    await user.click(within(result).getByRole('button', { name: 'Continue' }));
    expect(within(result).getByText('Give the seal a name: who it belongs to.')).toBeInTheDocument();
    await user.type(within(result).getByRole('textbox', { name: /Whose seal is this\?/ }), 'Northwind Advisory');
    await user.click(within(result).getByRole('button', { name: 'Continue' }));
    await user.click(within(result).getByRole('button', { name: 'Trust this seal' }));
    await waitFor(() => expect(within(result).getByTestId('verify-origin')).toHaveTextContent('Sealed by Northwind Advisory, trusted on 2026-11-23'));
    view.unmount();

    // Verified again, from the store main keeps.
    const again = await verify(forgedPdf, 'forged.pdf');
    expect(within(again.result).getByTestId('verify-origin')).toHaveTextContent('Sealed by Northwind Advisory, trusted on 2026-11-23');
    again.view.unmount();
  }, 60_000);

  it('Settings → Seals lists this computer’s fingerprint and the trusted seal, and removes it after a confirmation', async () => {
    const stores = createAppStores(freshDatabase(), { saveDelayMs: 50 });
    await stores.library.getState().load();
    const view = render(<App stores={stores} mantineEnv="test" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'App settings' });
    await user.click(within(dialog).getByRole('tab', { name: 'Seals' }));
    expect(await within(dialog).findByTestId('settings-own-fingerprint')).toHaveTextContent(pairs(own.fingerprint));
    const table = await within(dialog).findByRole('table', { name: 'Trusted seals' });
    expect(table).toHaveTextContent('Northwind Advisory');
    expect(table).toHaveTextContent(pairs(attacker.fingerprint));
    expect(table).toHaveTextContent('2026-11-23');
    await user.click(within(table).getByRole('button', { name: 'Remove Northwind Advisory' }));
    await user.click(await screen.findByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByTestId('no-trusted-seals')).toBeInTheDocument();
    view.unmount();
    const after = await verify(forgedPdf, 'forged.pdf');
    expect(within(after.result).getByTestId('verify-origin')).toHaveTextContent('Sealed by an unknown certificate');
    after.view.unmount();
  }, 60_000);
});
