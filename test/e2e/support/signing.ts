import type { Page } from 'playwright-core';

/** Signs the version being signed as one signatory, by typed name, as a person does in the signature dialog. */
export async function signByTypedName(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Sign as ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${name} signs version`) });
  await dialog.getByText('Type my name', { exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Your name as signature' }).waitFor();
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}
