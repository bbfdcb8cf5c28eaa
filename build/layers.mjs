// The layer table: which folder may import which, written once. eslint.config.js enforces it
// (build/eslint-layers.mjs), test/build/layer-rules.test.ts proves each rule fires and that the
// tree keeps it, and the architecture docs quote it. VS Code's `code-layering` rule is the model:
// each layer lists everything it may import; whatever it does not list it may not import.
// Plain JavaScript (typed with JSDoc) because eslint.config.js loads it in plain Node.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * One layer: a folder of the project (`renderer/features/*` stands for each feature folder,
 * each its own layer), what it holds, what it may import besides itself, and what to do
 * instead of an import it may not make.
 * @typedef {{ layer: string, holds: string, mayImport: readonly string[], instead: string }} Layer
 */

/** @type {readonly Layer[]} */
export const layers = [
  // The top folders. A file sits in the most specific layer whose folder holds it, so these rows
  // rule only the files that no row below claims (renderer/main.tsx, electron/**).
  {
    layer: 'shared',
    holds: 'pure TypeScript used by both sides',
    mayImport: [],
    instead: 'shared/ is the lowest layer and cannot import electron/ or renderer/. Move the common part down into shared/.',
  },
  {
    layer: 'electron',
    holds: 'the Node side: main process, preload, handlers on an injected Host, PDF, CLI',
    mayImport: ['shared'],
    instead: 'electron/ must not import renderer/: put code both sides need in shared/.',
  },
  {
    layer: 'renderer',
    holds: 'the React UI (renderer/main.tsx is its entry and may import all of it)',
    mayImport: ['shared'],
    instead: 'The renderer must not import Electron or electron/. Reach the main side only through renderer/platform, which reads window.accord.',
  },

  // Inside shared/: words < the agreement < engines over data < documents for people.
  {
    layer: 'shared/text',
    holds: 'text for people: dates, times, folding for search',
    mayImport: [],
    instead: 'shared/text/ formats plain values and knows no agreement: take the value as an argument, or put the code in the layer that knows the type.',
  },
  {
    layer: 'shared/model',
    holds: 'the agreement and what follows from it alone: types, zod schemas, consensus, validation, the revenue plan’s funnel, versions, files',
    mayImport: ['shared/text'],
    instead: 'The model is the agreement and what follows from it alone: it runs no engine and writes no document. Move the code that needs the engine or the document up into shared/engines/ or shared/document/, or pass the result in as an argument.',
  },
  {
    layer: 'shared/engines',
    holds: 'the agreement run over data: CSV, scoring, calibration, SLA review, agenda, business time',
    mayImport: ['shared/model', 'shared/text'],
    instead: 'Engines return data, not documents: return the figures and let shared/document/ (or the screen) word them.',
  },
  {
    layer: 'shared/document',
    holds: 'what people read about an agreement: the documents (preview, PDF, Markdown) and the sentences that say what changed (diff, undo), from the model and the engines’ results',
    mayImport: ['shared/engines', 'shared/model', 'shared/text'],
    instead: 'Documents are built from the model and the engines’ results only: move what a template or the contract needs down into shared/model/.',
  },
  {
    layer: 'shared/templates',
    holds: 'the starting agreements (built-in templates, samples, user templates)',
    mayImport: ['shared/engines', 'shared/model', 'shared/text'],
    instead: 'Templates are starting agreements: they use the model (and engine types for samples), never documents or the contract.',
  },
  {
    layer: 'shared/migrations',
    holds: 'pure record transforms, one per schema version',
    mayImport: ['shared/model', 'shared/text'],
    instead: 'A migration transforms a stored record with the model only, so an old database upgrades the same way forever: copy the little it needs rather than depend on an engine or a document.',
  },
  {
    layer: 'shared/ipc',
    holds: 'the IPC contract: channels, request and response schemas, events',
    mayImport: ['shared/model', 'shared/text'],
    instead: 'The contract names messages whose shapes live in shared/model/: move the schema the channel needs into shared/model/ and import it from there.',
  },
  {
    layer: 'shared/security',
    holds: 'the content security policy',
    mayImport: [],
    instead: 'Keep shared/security/ self-contained, so the build and main read the same policy without pulling in the app: write the value it needs here rather than import it.',
  },

  // Inside renderer/: platform, db, workers < store < components < features < the workshop screen < app.
  {
    layer: 'renderer/platform',
    holds: 'the only reader of window.accord',
    mayImport: ['shared'],
    instead: 'renderer/platform/ wraps window.accord and nothing else: let a store (renderer/store) combine it with the rest.',
  },
  {
    layer: 'renderer/db',
    holds: 'the Dexie database and its repositories',
    mayImport: ['shared'],
    instead: 'Repositories read and write the database only: let a store (renderer/store) combine them with the platform or the workers.',
  },
  {
    layer: 'renderer/workers',
    holds: 'Web Workers that run engines off the main thread, and their message protocols',
    mayImport: ['shared'],
    instead: 'A worker runs shared engines only: pass what it needs in its request message.',
  },
  {
    layer: 'renderer/store',
    holds: 'Zustand stores and actions: they call the repositories, the platform, the workers and the engines',
    mayImport: ['shared', 'renderer/db', 'renderer/platform', 'renderer/workers'],
    instead: 'Stores sit under every screen: move what a store needs from a screen (a design token, a rule) down into shared/ or into the store.',
  },
  {
    layer: 'renderer/components',
    holds: 'building blocks several features share: dialogs, badges, the clock, the agreement editor’s kit',
    mayImport: ['shared', 'renderer/store'],
    instead: 'Components touch neither Dexie nor window.accord and know no feature: read and change data through a store (renderer/store), which calls the repositories (renderer/db) and the platform (renderer/platform); take what differs per feature as props.',
  },
  {
    layer: 'renderer/features/*',
    holds: 'one folder per feature (calibration, review, signing, …); each is its own layer',
    mayImport: ['shared', 'renderer/store', 'renderer/components'],
    instead: 'A feature imports no other feature and touches neither Dexie nor window.accord: move what two features share down into renderer/components/ (UI) or renderer/store/ (state); data comes through a store (renderer/store), which calls the repositories (renderer/db) and the platform (renderer/platform).',
  },
  {
    layer: 'renderer/features/workshop',
    holds: 'the workshop screen: it hosts the other features’ panels (calibration, review, signing, session tools) as app/ hosts screens',
    mayImport: ['shared', 'renderer/store', 'renderer/components', 'renderer/features'],
    instead: 'The workshop screen composes features through stores and components, never Dexie or window.accord: read and change data through a store (renderer/store), which calls the repositories (renderer/db) and the platform (renderer/platform).',
  },
  {
    layer: 'renderer/app',
    holds: 'the application shell: start-up, theme, header, the screens',
    mayImport: ['shared', 'renderer/store', 'renderer/components', 'renderer/features', 'renderer/platform', 'renderer/db', 'renderer/workers'],
    instead: 'renderer/app/ is the top of the renderer and may import all of it; whatever a lower layer needs from app/ moves down into a store or a component.',
  },
];

/**
 * The raw IPC objects and the one file each may be imported in (GitHub Desktop's
 * `importNames` rule): everything else goes through the typed, sender-checked wrappers.
 * @type {readonly { modules: readonly string[], names: readonly string[], onlyIn: string, message: string }[]}
 */
export const rawIpc = [
  {
    modules: ['electron', 'electron/main'],
    names: ['ipcMain'],
    onlyIn: 'electron/main/ipc.ts',
    message: 'Only electron/main/ipc.ts touches ipcMain (it checks the sender and validates every request): add the channel to ipcContract in shared/ipc/contract.ts and its handler in electron/handlers/; to tell a window something, add an event to ipcEvents in shared/ipc/contract.ts.',
  },
  {
    modules: ['electron', 'electron/renderer'],
    names: ['ipcRenderer', 'contextBridge'],
    onlyIn: 'electron/preload/preload.ts',
    message: 'Only electron/preload/preload.ts touches ipcRenderer and contextBridge (it exposes named functions, never a raw invoke): add the channel to ipcContract in shared/ipc/contract.ts (its method becomes a named function of window.accord) and call it through renderer/platform.',
  },
];

/** The source folders whose imports the table and the cycle check rule. */
export const sourceRoots = ['shared', 'renderer', 'electron'];

const FEATURES = 'renderer/features/';

/** Whether `path` is `folder` or inside it (whole path segments). */
function within(path, folder) {
  return path === folder || path.startsWith(`${folder}/`);
}

/**
 * The layer a project-relative path (forward slashes) belongs to, or null when no layer rules it
 * (test/, build/, config files). For a feature it is the feature's own folder.
 * @param {string} path
 * @returns {{ id: string, row: Layer } | null}
 */
export function layerOf(path) {
  /** @type {{ id: string, row: Layer } | null} */
  let best = null;
  for (const row of layers) {
    let id = row.layer;
    if (id === 'renderer/features/*') {
      if (!path.startsWith(FEATURES)) continue;
      const name = path.slice(FEATURES.length).split('/')[0];
      if (!name || !path.slice(FEATURES.length).includes('/')) continue;
      id = FEATURES + name;
    } else if (!within(path, id)) continue;
    if (!best || id.length > best.id.length || (id.length === best.id.length && row.layer === id)) best = { id, row };
  }
  return best;
}

/**
 * Why `from` may not import `to` (both project-relative paths), or null when it may.
 * @param {string} from
 * @param {string} to
 * @returns {string | null}
 */
export function refusal(from, to) {
  const source = layerOf(from);
  const target = layerOf(to);
  if (!source || !target || within(to, source.id)) return null;
  const allowed = [source.id, ...source.row.mayImport];
  if (allowed.some((folder) => within(to, folder))) return null;
  const top = (path) => path.split('/')[0];
  const listed = source.row.mayImport.length ? source.row.mayImport.map((folder) => `${folder}/`).join(', ') : 'nothing outside itself';
  // Crossing a top folder (shared → renderer) is the top rule's refusal; inside one, the inner row's.
  const instead = top(from) !== top(to) ? (layers.find((row) => row.layer === top(from))?.instead ?? source.row.instead) : source.row.instead;
  return `${source.id}/ may not import ${target.id}/ (it may import ${listed}). ${instead}`;
}

const sourceExtensions = ['.ts', '.tsx', '.mts', '.mjs'];

/**
 * The file a relative import names, project-relative, or null when it names a package or a file
 * that does not exist (such an import fails type-checking anyway).
 * @param {string} root
 * @param {string} fromFile project-relative
 * @param {string} specifier
 * @returns {string | null}
 */
export function resolveImport(root, fromFile, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const base = resolve(root, dirname(fromFile), specifier);
  const candidates = [base, ...sourceExtensions.map((ext) => base + ext), ...sourceExtensions.map((ext) => join(base, `index${ext}`))];
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate).split(sep).join('/');
  }
  return null;
}

/**
 * The path a relative import names, project-relative, whether or not the file exists (for the
 * layer check, which needs only the folder).
 * @param {string} root
 * @param {string} fromFile project-relative
 * @param {string} specifier
 * @returns {string | null}
 */
export function importedPath(root, fromFile, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  return relative(root, resolve(root, dirname(fromFile), specifier)).split(sep).join('/');
}

/** @type {Map<string, { mtimeMs: number, imports: string[] }>} */
const parsed = new Map();

/**
 * The modules a source file on disk imports (static, dynamic, type-only and re-exports alike: a
 * type import ties two modules as firmly for the next engineer), project-relative. Cached by
 * modification time, so one lint run parses each file once and an edited file is read again.
 * @param {string} root
 * @param {string} file project-relative
 * @returns {string[]}
 */
export function importsOnDisk(root, file) {
  const absolute = join(root, file);
  let mtimeMs;
  try {
    mtimeMs = statSync(absolute).mtimeMs;
  } catch {
    return [];
  }
  const cached = parsed.get(absolute);
  if (cached && cached.mtimeMs === mtimeMs) return cached.imports;
  const { importedFiles } = ts.preProcessFile(readFileSync(absolute, 'utf8'), true, true);
  const imports = [...new Set(importedFiles.map(({ fileName }) => resolveImport(root, file, fileName)).filter((path) => path !== null))];
  parsed.set(absolute, { mtimeMs, imports });
  return imports;
}

/**
 * The shortest import chain from `start` back to `target` (both included), or null. `importsOf`
 * gives each file's imports; only files in the source folders are followed.
 * @param {string} start
 * @param {string} target
 * @param {(file: string) => readonly string[]} importsOf
 * @returns {string[] | null}
 */
export function chainBack(start, target, importsOf) {
  const inSources = (file) => sourceRoots.some((folder) => within(file, folder));
  if (!inSources(start)) return null;
  /** @type {Map<string, string | null>} */
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = /** @type {string} */ (queue.shift());
    if (file === target) {
      const chain = [];
      for (let at = /** @type {string | null} */ (file); at !== null; at = cameFrom.get(at) ?? null) chain.unshift(at);
      return chain;
    }
    for (const next of importsOf(file)) {
      if (cameFrom.has(next) || !inSources(next)) continue;
      cameFrom.set(next, file);
      queue.push(next);
    }
  }
  return null;
}

/**
 * Every source file of the project, project-relative (for the tree-wide checks in tests).
 * @param {string} root
 * @returns {string[]}
 */
export function sourceFiles(root) {
  /** @type {string[]} */
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (sourceExtensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const folder of sourceRoots) walk(folder);
  return files.sort();
}

/**
 * Every import cycle among the source files, each once, as the chain of files from the first
 * (alphabetically) back to itself.
 * @param {string} root
 * @returns {string[][]}
 */
export function importCycles(root) {
  const importsOf = (file) => importsOnDisk(root, file);
  /** @type {Map<string, string[]>} */
  const cycles = new Map();
  for (const file of sourceFiles(root)) {
    for (const next of importsOf(file)) {
      const back = chainBack(next, file, importsOf);
      if (!back) continue;
      const members = [file, ...back.slice(0, -1)];
      const first = [...members].sort()[0];
      const at = members.indexOf(/** @type {string} */ (first));
      const rotated = [...members.slice(at), ...members.slice(0, at)];
      const key = [...members].sort().join('\n');
      if (!cycles.has(key)) cycles.set(key, [...rotated, rotated[0]]);
    }
  }
  return [...cycles.values()];
}
