import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importsOnDisk, layerOf, layers, rawIpc, refusal, sourceFiles } from '../../build/layers.mjs';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: projectRoot });

/** The refusals of the layer, cycle and import rules for `code` linted as if it were `filePath`. */
async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(projectRoot, filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId?.includes('restricted') || message.ruleId?.startsWith('layers/')).map((message) => message.message);
}

describe('layer rules', () => {
  it.each([
    ['shared/model/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n", 'no Node APIs'],
    ['shared/model/x.ts', "import path from 'path';\nexport const a = path;\n", 'no Node APIs'],
    ['shared/model/x.ts', "import { useState } from 'react';\nexport const a = useState;\n", 'must not depend on UI'],
    ['shared/model/x.ts', "import Dexie from 'dexie';\nexport const a = Dexie;\n", 'must not depend on UI'],
    ['shared/model/x.ts', "import { app } from 'electron';\nexport const a = app;\n", 'must not depend on UI'],
    ['shared/model/x.ts', "import { a as b } from '../../renderer/app/App';\nexport const a = b;\n", 'lowest layer'],
    ['renderer/store/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n", 'must not import Electron'],
    ['renderer/store/x.ts', "import { createHandlers } from '../../electron/handlers/index';\nexport const a = createHandlers;\n", 'must not import Electron or electron/'],
    ['renderer/store/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'no Node APIs'],
    ['renderer/features/library/X.tsx', "import { getDatabase } from '../../db/database';\nexport const a = getDatabase;\n", 'touches neither Dexie nor window.accord'],
    ['renderer/features/library/X.tsx', "import Dexie from 'dexie';\nexport const a = Dexie;\n", 'Components touch neither Dexie'],
    ['renderer/features/library/X.tsx', 'export const a = () => window.accord;\n', 'Components touch neither Dexie'],
    ['renderer/components/X.tsx', "import { accord } from '../platform/accord';\nexport const a = accord;\n", 'Components touch neither Dexie nor window.accord'],
    ['electron/handlers/x.ts', "import { dialog } from 'electron';\nexport const a = dialog;\n", 'injected Host'],
    ['electron/handlers/x.ts', "import { App } from '../../renderer/app/App';\nexport const a = App;\n", 'must not import renderer/'],
    ['shared/model/x.ts', "import { z } from 'zod';\nexport const a = z;\n", 'Import { z } from shared/model/zod'],
  ])('%s: refuses %j with a message that says what to do', async (file, code, expected) => {
    const messages = await messagesFor(file, code);
    expect(messages.join('\n')).toContain(expected);
  });

  it.each([
    ['shared/model/x.ts', "import { z } from './zod';\nexport const a = z;\n"],
    ['renderer/store/x.ts', "import { getDatabase } from '../db/database';\nexport const a = getDatabase;\n"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/handlers/x.ts', "import type { BrowserWindow } from 'electron';\nexport type A = BrowserWindow;\n"],
  ])('%s: allows %j', async (file, code) => {
    expect(await messagesFor(file, code)).toEqual([]);
  });
});

// Each boundary inside shared/ and renderer/, one offending import each, written as the code
// would write it, with the folder the message must name. The order the table must keep:
// shared: text < model < engines < document, templates; migrations and ipc on the model only; security alone.
// renderer: platform, db, workers < store < components < features/<each> < features/workshop < app.
const inner: [file: string, code: string, refused: string, allowedSays: string][] = [
  ['shared/text/x.ts', "import type { Agreement } from '../model/agreement';\nexport type A = Agreement;\n", 'shared/model/', 'it may import nothing outside itself'],
  ['shared/model/x.ts', "import { describeCalendar } from '../engines/calendar/business-time';\nexport const a = describeCalendar;\n", 'shared/engines/', 'it may import shared/text/)'],
  ['shared/model/x.ts', "import { commitmentTarget } from '../document/document';\nexport const a = commitmentTarget;\n", 'shared/document/', 'it may import shared/text/)'],
  ['shared/model/x.ts', "import { templates } from '../templates/templates';\nexport const a = templates;\n", 'shared/templates/', 'it may import shared/text/)'],
  ['shared/engines/calibration/x.ts', "import { buildAgreementDocument } from '../../document/document';\nexport const a = buildAgreementDocument;\n", 'shared/document/', 'it may import shared/model/, shared/text/)'],
  ['shared/engines/review/x.ts', "import { contract } from '../../ipc/contract';\nexport const a = contract;\n", 'shared/ipc/', 'it may import shared/model/, shared/text/)'],
  ['shared/document/x.ts', "import { templates } from '../templates/templates';\nexport const a = templates;\n", 'shared/templates/', 'shared/engines/, shared/model/, shared/text/)'],
  ['shared/templates/x.ts', "import { buildAgreementDocument } from '../document/document';\nexport const a = buildAgreementDocument;\n", 'shared/document/', 'shared/engines/, shared/model/, shared/text/)'],
  ['shared/migrations/x.ts', "import { calibrate } from '../engines/calibration/calibrate';\nexport const a = calibrate;\n", 'shared/engines/', 'it may import shared/model/, shared/text/)'],
  ['shared/ipc/x.ts', "import type { CalibrationResult } from '../engines/calibration/calibrate';\nexport type A = CalibrationResult;\n", 'shared/engines/', 'it may import shared/model/, shared/text/)'],
  ['shared/security/x.ts', "import { z } from '../model/zod';\nexport const a = z;\n", 'shared/model/', 'it may import nothing outside itself'],
  ['renderer/platform/x.ts', "import { getDatabase } from '../db/database';\nexport const a = getDatabase;\n", 'renderer/db/', 'it may import shared/)'],
  ['renderer/db/x.ts', "import { accord } from '../platform/accord';\nexport const a = accord;\n", 'renderer/platform/', 'it may import shared/)'],
  ['renderer/workers/x.ts', "import { useEditor } from '../store/stores';\nexport const a = useEditor;\n", 'renderer/store/', 'it may import shared/)'],
  ['renderer/store/x.ts', "import { theme } from '../app/theme';\nexport const a = theme;\n", 'renderer/app/', 'renderer/db/, renderer/platform/, renderer/workers/)'],
  ['renderer/store/x.ts', "import { notify } from '../components/notify';\nexport const a = notify;\n", 'renderer/components/', 'renderer/db/, renderer/platform/, renderer/workers/)'],
  ['renderer/components/X.tsx', "import { SigningPanel } from '../features/signing/SigningPanel';\nexport const a = SigningPanel;\n", 'renderer/features/signing/', 'shared/, renderer/store/)'],
  ['renderer/features/session/X.tsx', "import { WorkshopScreen } from '../workshop/WorkshopScreen';\nexport const a = WorkshopScreen;\n", 'renderer/features/workshop/', 'renderer/store/, renderer/components/)'],
  ['renderer/features/presenter/X.tsx', "import { SessionBar } from '../session/SessionBar';\nexport const a = SessionBar;\n", 'renderer/features/session/', 'renderer/store/, renderer/components/)'],
  ['renderer/features/preview/X.tsx', "export { SettingsModal } from '../settings/SettingsModal';\n", 'renderer/features/settings/', 'renderer/store/, renderer/components/)'],
  ['renderer/features/review/X.tsx', "export const a = () => import('../calibration/CalibrationPanel');\n", 'renderer/features/calibration/', 'renderer/store/, renderer/components/)'],
  ['renderer/features/workshop/X.tsx', "import { theme } from '../../app/theme';\nexport const a = theme;\n", 'renderer/app/', 'renderer/components/, renderer/features/)'],
  ['renderer/features/workshop/X.tsx', "import { accord } from '../../platform/accord';\nexport const a = accord;\n", 'renderer/platform/', 'renderer/components/, renderer/features/)'],
];

describe('the layer table inside shared/ and renderer/', () => {
  it.each(inner)('%s: refuses %j, naming the layer and what it may import', async (file, code, refused, allowedSays) => {
    const messages = (await messagesFor(file, code)).join('\n');
    expect(messages).toContain(`may not import ${refused}`);
    expect(messages).toContain(allowedSays);
  });

  it('says what to do instead in every refusal', () => {
    for (const row of layers) expect(row.instead, row.layer).toMatch(/\b(move|put|pass|take|let|read|return|copy|reach|import|add|use)\b/i);
  });

  it.each([
    ['shared/text/x.ts', "import { fold } from './fold';\nexport const a = fold;\n"],
    ['shared/model/x.ts', "import { fold } from '../text/fold';\nexport const a = fold;\n"],
    ['shared/engines/review/x.ts', "import { computeFunnel } from '../../model/funnel';\nimport { fold } from '../../text/fold';\nexport const a = [computeFunnel, fold];\n"],
    ['shared/document/x.ts', "import { describeCalendar } from '../engines/calendar/business-time';\nimport type { Agreement } from '../model/agreement';\nexport const a = describeCalendar;\nexport type A = Agreement;\n"],
    ['shared/templates/x.ts', "import type { CalibrationMapping } from '../engines/calibration/mapping';\nexport type A = CalibrationMapping;\n"],
    ['shared/migrations/x.ts', "import { mapConsensus } from '../model/sections';\nexport const a = mapConsensus;\n"],
    ['renderer/store/x.ts', "import { accord } from '../platform/accord';\nimport { fileChunks } from '../workers/file-chunks';\nexport const a = [accord, fileChunks];\n"],
    ['renderer/components/X.tsx', "import { useEditor } from '../store/stores';\nexport const a = useEditor;\n"],
    ['renderer/features/session/X.tsx', "import { ConsensusBar } from '../../components/editor-kit';\nimport { clockTime } from '../../components/time-format';\nimport { AgendaDrawer } from './AgendaDrawer';\nexport const a = [ConsensusBar, clockTime, AgendaDrawer];\n"],
    ['renderer/features/workshop/X.tsx', "import { SessionBar } from '../session/SessionBar';\nexport const a = SessionBar;\n"],
    ['renderer/app/X.tsx', "import { WorkshopScreen } from '../features/workshop/WorkshopScreen';\nimport { accord } from '../platform/accord';\nexport const a = [WorkshopScreen, accord];\n"],
    ['renderer/main.tsx', "import { start } from './app/start';\nexport const a = start;\n"],
  ])('%s: allows %j', async (file, code) => {
    expect(await messagesFor(file, code)).toEqual([]);
  });

  it('gives each feature folder its own layer, and the workshop screen its own row', () => {
    expect(layerOf('renderer/features/session/SessionBar.tsx')?.id).toBe('renderer/features/session');
    expect(layerOf('renderer/features/workshop/sections/IcpSection.tsx')?.row.layer).toBe('renderer/features/workshop');
    expect(layerOf('renderer/main.tsx')?.id).toBe('renderer');
    expect(layerOf('test/build/layer-rules.test.ts')).toBeNull();
  });

  it('holds in the real tree: no import in shared/, renderer/ or electron/ crosses the table', () => {
    const crossings = sourceFiles(projectRoot).flatMap((file) =>
      importsOnDisk(projectRoot, file)
        .map((to) => [file, to, refusal(file, to)] as const)
        .filter(([, , why]) => why !== null)
        .map(([from, to]) => `${from} → ${to}`),
    );
    expect(crossings).toEqual([]);
  });
});

describe('raw IPC', () => {
  it.each([
    ['electron/main/main.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n", 'Only electron/main/ipc.ts touches ipcMain'],
    ['electron/main/x.ts', "import { ipcMain as raw } from 'electron/main';\nexport const a = raw;\n", 'Only electron/main/ipc.ts touches ipcMain'],
    ['electron/main/x.ts', "import * as electron from 'electron';\nexport const a = electron;\n", 'Only electron/main/ipc.ts touches ipcMain'],
    ['electron/main/ipc.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n", 'Only electron/preload/preload.ts touches ipcRenderer'],
    ['electron/preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n", 'Only electron/preload/preload.ts touches ipcRenderer'],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron/renderer';\nexport const a = contextBridge;\n", 'Only electron/preload/preload.ts touches ipcRenderer and contextBridge'],
    ['electron/preload/preload.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n", 'Only electron/main/ipc.ts touches ipcMain'],
  ])('%s: refuses %j', async (file, code, expected) => {
    expect((await messagesFor(file, code)).join('\n')).toContain(expected);
  });

  it.each([
    ['electron/main/ipc.ts', "import { ipcMain, type WebContents } from 'electron';\nexport const a = ipcMain;\nexport type W = WebContents;\n"],
    ['electron/preload/preload.ts', "import { contextBridge, ipcRenderer } from 'electron';\nexport const a = [contextBridge, ipcRenderer];\n"],
    ['electron/main/main.ts', "import { app, BrowserWindow } from 'electron';\nexport const a = [app, BrowserWindow];\n"],
  ])('%s: allows %j', async (file, code) => {
    expect(await messagesFor(file, code)).toEqual([]);
  });

  it('names the two files that may, and both exist', async () => {
    const { existsSync } = await import('node:fs');
    expect(rawIpc.map((entry) => entry.onlyIn)).toEqual(['electron/main/ipc.ts', 'electron/preload/preload.ts']);
    for (const entry of rawIpc) expect(existsSync(resolve(projectRoot, entry.onlyIn)), entry.onlyIn).toBe(true);
  });

  it('sends the refused import only to files that exist', async () => {
    const { existsSync } = await import('node:fs');
    const named = rawIpc.flatMap((entry) => [...entry.message.matchAll(/\b(?:shared|electron|renderer)\/[\w./-]*\w/g)].map((match) => match[0]));
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((path) => !existsSync(resolve(projectRoot, path)))).toEqual([]);
  });
});

describe('import cycles', () => {
  // shared/model/agreement.ts imports ./teams on disk; a teams.ts that imported it back closes a cycle.
  it('refuses an import that closes a cycle, naming the whole chain', async () => {
    const messages = await messagesFor('shared/model/teams.ts', "import { AGREEMENT_SCHEMA_VERSION } from './agreement';\nexport const a = AGREEMENT_SCHEMA_VERSION;\n");
    expect(messages.join('\n')).toContain('Import cycle: shared/model/teams.ts → shared/model/agreement.ts → shared/model/teams.ts. Break it: move what the modules share');
  });

  it('counts a type-only import: the modules still cannot be moved apart', async () => {
    const messages = await messagesFor('shared/model/teams.ts', "import type { Agreement } from './agreement';\nexport type A = Agreement;\n");
    expect(messages.join('\n')).toContain('Import cycle: shared/model/teams.ts → shared/model/agreement.ts → shared/model/teams.ts');
  });

  it('follows a longer chain', async () => {
    // shared/model/sections.ts imports ./consensus, which imports ./agreement, which imports ./schema-version.
    const messages = await messagesFor('shared/model/schema-version.ts', "import { sections } from './sections';\nexport const a = sections;\n");
    expect(messages.join('\n')).toMatch(/Import cycle: shared\/model\/schema-version\.ts → shared\/model\/sections\.ts → .*shared\/model\/schema-version\.ts/);
  });

  it('allows an import that closes no cycle', async () => {
    expect(await messagesFor('shared/model/teams.ts', "import { fold } from '../text/fold';\nexport const a = fold;\n")).toEqual([]);
  });

  it('finds none in the real tree', () => {
    expect(importCycles(projectRoot).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
