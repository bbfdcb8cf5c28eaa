/**
 * The `accord` command line. `runCli` takes its arguments and an output sink
 * and returns the exit code, so tests run it in-process; bin.mjs wires it to
 * the terminal.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readiness } from '../../shared/model/agreement-rules';
import { parseAccordFile, serializeAccordFile } from '../../shared/model/accord-file';
import { sections } from '../../shared/model/sections';
import { builtInTemplates, findTemplate } from '../../shared/templates/templates';
import { FileExistsError, writeOutputFile } from '../fs/atomic-write';
import { exportCommand, exportUsage, verifyCommand, type ExportIo } from './export-verify';
import { reviewCommand, reviewUsage } from './review';
import { schemaCommand, schemaUsage } from './schema';
import { scoreCommand, scoreUsage } from './score';
import { summaryCommand, summaryUsage } from './summary';
import { trustCommand, trustUsage } from './trust';

/** Where the CLI reads and writes; injected for tests. */
export type CliIo = ExportIo;

const newUsage = `  new --template ID --out FILE.accord    write a new agreement from a template
      [--title TEXT] [--client TEXT] [--force]
`;
const checkUsage = `  check FILE.accord [--json]             validate an agreement and list what blocks signing
                                         (exit 0 when the file is a valid agreement)
`;

const usage = `Usage: accord <command> [options]

Commands:
  templates                              list the agreement templates (id and name)
${newUsage}${checkUsage}${exportUsage}${trustUsage}${summaryUsage}${scoreUsage}${reviewUsage}${schemaUsage}  help                                   show this help

Every command answers --help with its own usage.
`;

/** Each command's own usage, for \`accord <command> --help\`. */
const commandUsage: Record<string, string> = {
  templates: '  templates                              list the agreement templates (id and name)\n',
  new: newUsage,
  check: checkUsage,
  export: exportUsage,
  verify: exportUsage,
  trust: trustUsage,
  summary: summaryUsage,
  score: scoreUsage,
  review: reviewUsage,
  schema: schemaUsage,
};

/** Exit codes: 0 done, 1 the input is not acceptable, 2 the command line is wrong. */
export const exitCodes = { ok: 0, invalidInput: 1, usage: 2 } as const;

/** Runs one `accord` command; resolves with the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && commandUsage[command] && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(`Usage: accord ${command} [options]\n\n${commandUsage[command]}`);
    return exitCodes.ok;
  }
  try {
    switch (command) {
      case 'templates':
        return listTemplates(io);
      case 'new':
        return await newAgreement(rest, io);
      case 'check':
        return await checkAgreement(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'trust':
        return await trustCommand(rest, io);
      case 'summary':
        return await summaryCommand(rest, io);
      case 'score':
        return await scoreCommand(rest, io);
      case 'review':
        return await reviewCommand(rest, io);
      case 'schema':
        return schemaCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(usage);
        return command === undefined ? exitCodes.usage : exitCodes.ok;
      default:
        io.err(`accord: unknown command "${command}".\n\n${usage}`);
        return exitCodes.usage;
    }
  } catch (error) {
    // The output file appeared after the command checked for it (another program wrote it meanwhile): never replaced.
    if (error instanceof FileExistsError) {
      io.err(`accord ${command}: ${error.path} already exists (it appeared while Accord was working); use --force to replace it.\n`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`accord ${command}: ${error.message}\n\n${usage}`);
      return exitCodes.usage;
    }
    throw error;
  }
}

function listTemplates(io: CliIo): number {
  const width = Math.max(...builtInTemplates.map((template) => template.id.length));
  for (const template of builtInTemplates) io.out(`${template.id.padEnd(width)}  ${template.name}\n`);
  return exitCodes.ok;
}

async function newAgreement(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { template: { type: 'string' }, out: { type: 'string' }, title: { type: 'string' }, client: { type: 'string' }, force: { type: 'boolean', default: false } } });
  if (!values.template || !values.out) {
    io.err(`accord new: --template and --out are required.\n\n${usage}`);
    return exitCodes.usage;
  }
  const template = findTemplate(values.template);
  if (!template) {
    io.err(`accord new: there is no template "${values.template}". Templates: ${builtInTemplates.map((entry) => entry.id).join(', ')}.\n`);
    return exitCodes.usage;
  }
  const out = resolve(io.cwd, values.out);
  if (existsSync(out) && !values.force) {
    io.err(`accord new: ${values.out} already exists; use --force to replace it.\n`);
    return exitCodes.invalidInput;
  }
  const agreement = template.build();
  if (values.title !== undefined) agreement.workshop.title = values.title;
  if (values.client !== undefined) agreement.workshop.client = values.client;
  await writeOutputFile(out, serializeAccordFile(agreement, io.now()), values.force);
  io.out(`Wrote ${values.out} from the template "${template.name}".\n`);
  return exitCodes.ok;
}

async function checkAgreement(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    io.err(`accord check: give exactly one file.\n\n${usage}`);
    return exitCodes.usage;
  }
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.err(`accord check: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCodes.invalidInput;
  }
  const parsed = parseAccordFile(text);
  if (!parsed.ok) {
    io.err(`accord check: ${file} is not a valid agreement. ${parsed.message}\n`);
    return exitCodes.invalidInput;
  }
  const { agreement } = parsed;
  const result = readiness(agreement);
  if (values.json) {
    io.out(`${JSON.stringify({ valid: true, ready: result.ready, title: agreement.workshop.title, client: agreement.workshop.client, blockers: result.blockers })}\n`);
    return exitCodes.ok;
  }
  io.out(`${file}: a valid Accord agreement (schema ${agreement.schemaVersion}), “${agreement.workshop.title || 'untitled'}”${agreement.workshop.client ? ` for ${agreement.workshop.client}` : ''}.\n`);
  if (result.ready) {
    io.out('Ready to sign: every item is agreed or parked.\n');
    return exitCodes.ok;
  }
  io.out(`Not ready to sign: ${result.blockers.length} ${result.blockers.length === 1 ? 'thing blocks' : 'things block'} it.\n`);
  for (const section of sections) {
    const blockers = result.blockers.filter((blocker) => blocker.section === section.id);
    if (blockers.length === 0) continue;
    io.out(`\n${section.number}. ${section.title}\n`);
    for (const blocker of blockers) io.out(`  - ${blocker.message}\n`);
  }
  return exitCodes.ok;
}
