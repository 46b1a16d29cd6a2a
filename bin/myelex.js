#!/usr/bin/env node
// The compiled CLI (npm install builds dist/ through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('myelex: not built yet: run `npm install` (or `npm run build`) in the myelex folder\n');
  process.exit(1);
}
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
process.exitCode = code;
// Queue commands close their sockets; a stray reconnect timer must not keep the process alive.
if (['worker', 'enqueue', 'results', 'status'].includes(process.argv[2] ?? '')) setTimeout(() => process.exit(code), 1000).unref();
