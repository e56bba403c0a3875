#!/usr/bin/env node
// The `recap` command. Recap ships as TypeScript; tsx's loader runs it without a build step.
import { register } from 'tsx/esm/api';

register();
const { cli } = await import('../adapters/cli/cli.ts');
process.exitCode = await cli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
});
