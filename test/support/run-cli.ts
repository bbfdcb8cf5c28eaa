import { runCli } from '../../electron/cli/accord';

/** Runs one `accord` command in-process in `cwd`, at a fixed time; resolves with the exit code and what it printed. */
export async function runAccord(cwd: string, argv: string[], options: { now?: string; env?: Record<string, string | undefined> } = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text), cwd, now: () => new Date(options.now ?? '2026-11-25T10:00:00Z'), env: options.env });
  return { code, out, err };
}
