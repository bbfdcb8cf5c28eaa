import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { checkAccent } from '../../../../shared/model/branding';
import { MAX_LOGO_BYTES } from '../../../../shared/model/limits';
import { SettingsRepository } from '../../../../renderer/db/settings-repository';
import { accentOf, createBrandingStore, LEGACY_BRANDING_KEY } from '../../../../renderer/store/branding-store';
import { createAppStores } from '../../../../renderer/store/create-stores';
import { accentSwatches } from '../../../../renderer/features/settings/SettingsModal';
import { freshDatabase, renderApp } from '../../support/render-app';

const pngBytes = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEADv4B/1NDiMkAAAAASUVORK5CYII='), (character) => character.charCodeAt(0));
const pngDataUrl = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEADv4B/1NDiMkAAAAASUVORK5CYII=';
const svgText = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"><rect width="4" height="2" fill="#862e9c"/></svg>';

async function openSettings() {
  // Files are judged by their content, so the picker's accept filter is not what is tested here.
  const user = userEvent.setup({ applyAccept: false });
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  const dialog = await screen.findByRole('dialog', { name: 'App settings' });
  await within(dialog).findByRole('textbox', { name: 'Your name or firm' });
  return { user, dialog, fileInput: () => dialog.querySelector<HTMLInputElement>('input[type="file"]')! };
}

describe('App settings: branding', () => {
  it('saves a name and an accent from the header, and reads them back after the stores are created again', async () => {
    const { db, branding: brandingStore } = await renderApp();
    const { user, dialog } = await openSettings();
    await user.type(within(dialog).getByRole('textbox', { name: 'Your name or firm' }), '  Northwind Advisory ');
    await user.type(within(dialog).getByRole('textbox', { name: 'Accent colour' }), '#862e9c');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'App settings' })).not.toBeInTheDocument());
    expect(brandingStore.getState().branding).toEqual({ name: 'Northwind Advisory', accent: '#862e9c' });

    // A new start over the same database: the branding comes back from IndexedDB (into the new stores' own branding store).
    const again = createAppStores(db).branding;
    // Another set of stores never touches this app's: the branding it shows is still the saved one.
    expect(brandingStore.getState().branding).toEqual({ name: 'Northwind Advisory', accent: '#862e9c' });
    expect(again.getState()).toMatchObject({ branding: null, loaded: false });
    await again.getState().load();
    expect(again.getState().branding).toEqual({ name: 'Northwind Advisory', accent: '#862e9c' });
    const other = createBrandingStore(new SettingsRepository(db));
    await other.getState().load();
    expect(other.getState().branding).toEqual({ name: 'Northwind Advisory', accent: '#862e9c' });
    expect(accentOf(other.getState().branding)).toBe('#862e9c');
  });

  it('saves an SVG logo with its real type, and removes it', async () => {
    const { branding: brandingStore } = await renderApp();
    const { user, dialog, fileInput } = await openSettings();
    await user.upload(fileInput(), new File([svgText], 'mark.svg', { type: 'image/svg+xml' }));
    await within(dialog).findByRole('img', { name: 'Logo preview' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(brandingStore.getState().branding?.logoDataUrl).toMatch(/^data:image\/svg\+xml;base64,/));

    const again = await openSettings();
    await user.click(within(again.dialog).getByRole('button', { name: 'Remove logo' }));
    await user.click(within(again.dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(brandingStore.getState().branding).toBeNull());
  });

  it.each([
    ['a GIF', () => new File([new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00')], 'logo.gif', { type: 'image/gif' }), 'logo.gif is a GIF image: unsupported type, use PNG, JPEG or SVG.'],
    ['a text file renamed .png', () => new File(['meeting notes, not a picture'], 'logo.png', { type: 'image/png' }), 'logo.png is not an image, although it is named or labelled PNG: its content is not a PNG, JPEG or SVG picture.'],
    ['a file over 2 MB', () => new File([pngBytes, new Uint8Array(MAX_LOGO_BYTES)], 'huge.png', { type: 'image/png' }), 'huge.png is too large (2,049 kB); a logo may be at most 2 MB. Use a smaller PNG, JPEG or SVG.'],
  ])('refuses %s with a message and keeps the branding there was', async (_label, file, message) => {
    const { db, branding: brandingStore } = await renderApp();
    await brandingStore.getState().save({ name: 'Northwind Advisory', logoDataUrl: pngDataUrl, accent: '#0b7285' });
    const { user, dialog, fileInput } = await openSettings();
    await user.upload(fileInput(), file());
    expect(await within(dialog).findByText(message)).toBeInTheDocument();
    // The logo there was is still shown, and Save changes nothing while the message stands.
    expect(within(dialog).getByRole('img', { name: 'Logo preview' })).toHaveAttribute('src', pngDataUrl);
    await user.clear(within(dialog).getByRole('textbox', { name: 'Your name or firm' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Not saved')).toBeInTheDocument();
    expect(brandingStore.getState().branding).toEqual({ name: 'Northwind Advisory', logoDataUrl: pngDataUrl, accent: '#0b7285' });
    expect(await new SettingsRepository(db).getBranding()).toEqual({ name: 'Northwind Advisory', logoDataUrl: pngDataUrl, accent: '#0b7285' });
  });

  it('refuses an accent too light for white paper, inline, and saves nothing', async () => {
    const { db, branding: brandingStore } = await renderApp();
    const { user, dialog } = await openSettings();
    await user.type(within(dialog).getByRole('textbox', { name: 'Your name or firm' }), 'Northwind');
    await user.type(within(dialog).getByRole('textbox', { name: 'Accent colour' }), '#ffff00');
    expect(await within(dialog).findByText(/^#ffff00 is too light to read on a white page or a projector .*choose a darker shade\.$/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Not saved')).toBeInTheDocument();
    expect(brandingStore.getState().branding).toBeNull();
    expect(await db.settings.count()).toBe(0);
    await user.click(within(dialog).getByRole('button', { name: 'Default' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(brandingStore.getState().branding).toEqual({ name: 'Northwind' }));
  });

  it('opens the same dialog from a workshop: ⋯ → Branding…', async () => {
    const { user, library, navigation } = await renderApp();
    const record = await library.getState().create({ title: 'Q3 SLA reset' });
    act(() => navigation.getState().navigate({ screen: 'workshop', workshopId: record.id }));
    await screen.findByRole('textbox', { name: 'Workshop title' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Branding…' }));
    expect(await screen.findByRole('dialog', { name: 'App settings' })).toBeInTheDocument();
  });
});

describe('the branding store', () => {
  it('moves a branding left in localStorage into the database once, then forgets it', async () => {
    const db = freshDatabase();
    localStorage.setItem(LEGACY_BRANDING_KEY, JSON.stringify({ name: 'Old Firm', logoDataUrl: pngDataUrl }));
    const store = createBrandingStore(new SettingsRepository(db));
    await store.getState().load();
    expect(store.getState().branding).toEqual({ name: 'Old Firm', logoDataUrl: pngDataUrl });
    expect(localStorage.getItem(LEGACY_BRANDING_KEY)).toBeNull();
    expect(await new SettingsRepository(db).getBranding()).toEqual({ name: 'Old Firm', logoDataUrl: pngDataUrl });
  });

  it('keeps the stored branding over a legacy one, and drops a damaged legacy value', async () => {
    const db = freshDatabase();
    await new SettingsRepository(db).putBranding({ name: 'New Firm' });
    localStorage.setItem(LEGACY_BRANDING_KEY, JSON.stringify({ name: 'Old Firm' }));
    const store = createBrandingStore(new SettingsRepository(db));
    await store.getState().load();
    expect(store.getState().branding).toEqual({ name: 'New Firm' });
    expect(localStorage.getItem(LEGACY_BRANDING_KEY)).toBeNull();

    const empty = freshDatabase();
    localStorage.setItem(LEGACY_BRANDING_KEY, '{not json');
    const other = createBrandingStore(new SettingsRepository(empty));
    await other.getState().load();
    expect(other.getState().branding).toBeNull();
    expect(localStorage.getItem(LEGACY_BRANDING_KEY)).toBeNull();
  });

  it('ignores a damaged stored value, never failing', async () => {
    const db = freshDatabase();
    await db.settings.put({ key: 'branding', value: { name: 42, logoDataUrl: 'https://example.com/logo.png' } });
    const store = createBrandingStore(new SettingsRepository(db));
    await store.getState().load();
    expect(store.getState()).toMatchObject({ branding: null, loaded: true });
  });

  it('works without a database: empty at first, validating every save', async () => {
    const store = createBrandingStore();
    expect(store.getState()).toMatchObject({ branding: null, loaded: true });
    await expect(store.getState().save({ name: 'N', accent: '#fab005' })).rejects.toThrow(/too light to read/);
    await expect(store.getState().save({ name: 'N', logoDataUrl: 'data:image/gif;base64,R0lGODlh' })).rejects.toThrow('The logo must be a PNG, JPEG or SVG data URL.');
    expect(store.getState().branding).toBeNull();
    await store.getState().save({ name: ' N ', accent: '#305FB3' });
    expect(store.getState().branding).toEqual({ name: 'N', accent: '#305fb3' });
    await store.getState().save({ name: '  ' });
    expect(store.getState().branding).toBeNull();
  });

  it('a save made while the first read is running wins over the read', async () => {
    const db = freshDatabase();
    await new SettingsRepository(db).putBranding({ name: 'Stored' });
    const store = createBrandingStore(new SettingsRepository(db));
    const reading = store.getState().load();
    await store.getState().save({ name: 'Typed now' });
    await reading;
    expect(store.getState().branding).toEqual({ name: 'Typed now' });
  });

  it('offers only swatches that pass the contrast rule, and falls back to the brand colour', () => {
    for (const swatch of accentSwatches) expect(checkAccent(swatch)).toEqual({ ok: true, accent: swatch });
    expect(accentOf(null)).toBe('#305fb3');
    expect(accentOf({ accent: '#0b7285' })).toBe('#0b7285');
  });
});
