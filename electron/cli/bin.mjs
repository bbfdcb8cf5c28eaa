#!/usr/bin/env node
// The `accord` command: runs the TypeScript CLI through tsx, so `npx accord`
// works in the repository without a build step.
import { register } from 'tsx/esm/api';

register();
// Piping into `head` closes stdout early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { runCli } = await import('./accord.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  now: () => new Date(),
});
