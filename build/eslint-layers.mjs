// ESLint rules that read the layer table (build/layers.mjs): `layers/layers` refuses an import
// the table does not allow, `layers/no-cycle` refuses an import that closes a cycle. Both resolve
// the import to the file it names, so `../../store/x` and `../store/x` are the same import.
import { relative, sep } from 'node:path';
import { chainBack, importedPath, importsOnDisk, refusal, resolveImport } from './layers.mjs';

/** The string literal of each import, re-export and dynamic import of a file, with its node. */
function importVisitor(onImport) {
  const visit = (node) => {
    const source = node.source;
    if (source && source.type === 'Literal' && typeof source.value === 'string') onImport(source.value, source);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
    TSImportEqualsDeclaration(node) {
      const reference = node.moduleReference;
      if (reference.type === 'TSExternalModuleReference' && reference.expression.type === 'Literal') onImport(reference.expression.value, reference.expression);
    },
  };
}

function projectPath(context) {
  const path = relative(context.cwd, context.filename).split(sep).join('/');
  return path.startsWith('../') ? null : path;
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
  meta: { type: 'problem', docs: { description: 'Imports follow the layer table in build/layers.mjs' }, schema: [] },
  create(context) {
    const from = projectPath(context);
    if (!from) return {};
    return importVisitor((specifier, node) => {
      const to = importedPath(context.cwd, from, specifier);
      const message = to === null ? null : refusal(from, to);
      if (message) context.report({ node, message });
    });
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noCycleRule = {
  meta: { type: 'problem', docs: { description: 'No import cycles among shared/, renderer/ and electron/' }, schema: [] },
  create(context) {
    const from = projectPath(context);
    if (!from) return {};
    /** @type {{ specifier: string, node: import('estree').Node }[]} */
    const found = [];
    return {
      ...importVisitor((specifier, node) => found.push({ specifier, node })),
      'Program:exit'() {
        // This file's imports as written now (the text being linted); every other file's as on disk.
        const own = [...new Set(found.map(({ specifier }) => resolveImport(context.cwd, from, specifier)).filter((path) => path !== null))];
        const importsOf = (file) => (file === from ? own : importsOnDisk(context.cwd, file));
        const reported = new Set();
        for (const { specifier, node } of found) {
          const to = resolveImport(context.cwd, from, specifier);
          if (to === null || to === from || reported.has(to)) continue;
          const chain = chainBack(to, from, importsOf);
          if (!chain) continue;
          reported.add(to);
          context.report({
            node,
            message: `Import cycle: ${[from, ...chain].join(' → ')}. Break it: move what the modules share (often a type) into a module of its own that both import, or pass it in as an argument.`,
          });
        }
      },
    };
  },
};

/** The plugin eslint.config.js registers as `layers`. */
export const layersPlugin = { meta: { name: 'accord-layers' }, rules: { layers: layersRule, 'no-cycle': noCycleRule } };
