#!/usr/bin/env node
/**
 * Stand-alone entry for the queue commands (`node dist/queue/main.js worker|enqueue|results|status`);
 * `myelex worker|enqueue|results|status` dispatches to the same functions.
 */
import { runEnqueueCommand, runResultsCommand, runStatusCommand, runWorkerCommand } from './cli-commands.js';

const commands: Record<string, (argv: string[]) => Promise<number>> = {
  worker: runWorkerCommand,
  enqueue: runEnqueueCommand,
  results: runResultsCommand,
  status: runStatusCommand,
};

const [cmd, ...rest] = process.argv.slice(2);
const run = cmd ? commands[cmd] : undefined;
if (!run) {
  process.stderr.write('Usage: myelex-queue worker|enqueue|results|status [--help]\n');
  process.exitCode = 2;
} else {
  process.exitCode = await run(rest);
  // sockets and threads are closed by now: do not let a stray reconnect timer keep the process alive
  setTimeout(() => process.exit(process.exitCode ?? 0), 1000).unref();
}
