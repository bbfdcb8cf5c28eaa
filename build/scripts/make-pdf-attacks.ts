/**
 * `npm run fixtures:pdf-attacks`: writes the PDF attack corpus into
 * test/fixtures/pdf-attacks/ from genuine.pdf (see pdf-attacks.ts for every
 * attack). With `--genuine`, first makes genuine.pdf afresh through the real
 * export pipeline (the agreement document printed by Chromium, attachment,
 * seal) with the corpus's seeded victim identity; Chromium's bytes differ
 * between versions, so genuine.pdf is committed and the attacks are rebuilt
 * from it (the corpus test checks that they are, byte for byte).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundledFontDataUrl } from '../../electron/hosts/node-host';
import { createChromiumPrinter } from '../../electron/pdf/chromium-printer';
import { exportAgreementPdf } from '../../electron/pdf/export';
import { exportSubject } from '../../shared/document/subject';
import { readyAgreement, signedVersionOf } from '../../test/fixtures/agreements';
import { attackIdentities, buildPdfAttacks } from './pdf-attacks';

const root = resolve(import.meta.dirname, '..', '..');
const folder = join(root, 'test', 'fixtures', 'pdf-attacks');

async function makeGenuine(): Promise<void> {
  const agreement = readyAgreement();
  const version = signedVersionOf(agreement);
  const { agreement: subject, context } = exportSubject(agreement, [{ ...version, intact: true }], true, '2026-11-23T10:00:00.000Z');
  const printer = createChromiumPrinter(root);
  try {
    const pdf = await exportAgreementPdf(subject, context, { paper: 'A4', printToPdf: printer, identity: attackIdentities().victim, fontDataUrl: await bundledFontDataUrl() });
    await writeFile(join(folder, 'genuine.pdf'), pdf);
  } finally {
    await printer.close();
  }
}

async function main(): Promise<void> {
  await mkdir(folder, { recursive: true });
  if (process.argv.includes('--genuine') || !existsSync(join(folder, 'genuine.pdf'))) await makeGenuine();
  const { victim, attacker } = attackIdentities();
  const attacks = await buildPdfAttacks(await readFile(join(folder, 'genuine.pdf')), victim, attacker);
  for (const file of await readdir(folder)) if (file.endsWith('.pdf') && file !== 'genuine.pdf') await rm(join(folder, file));
  for (const attack of attacks) await writeFile(join(folder, `${attack.name}.pdf`), attack.bytes);
  await writeFile(join(folder, 'manifest.json'), `${JSON.stringify(attacks.map(({ name, family, expected, description }) => ({ file: `${name}.pdf`, family, expected, description })), null, 2)}\n`);
  process.stdout.write(`Wrote ${attacks.length} attack files and manifest.json to ${folder}\n`);
}

await main();
