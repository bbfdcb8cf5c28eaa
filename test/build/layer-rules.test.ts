import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: projectRoot });

async function messagesFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(projectRoot, filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId?.includes('restricted')).map((message) => message.message);
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
    ['renderer/store/x.ts', "import { createHandlers } from '../../electron/handlers/index';\nexport const a = createHandlers;\n", 'must not import Electron'],
    ['renderer/store/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'no Node APIs'],
    ['renderer/features/library/X.tsx', "import { getDatabase } from '../../db/database';\nexport const a = getDatabase;\n", 'Components touch neither Dexie'],
    ['renderer/features/library/X.tsx', 'export const a = () => window.accord;\n', 'Components touch neither Dexie'],
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
