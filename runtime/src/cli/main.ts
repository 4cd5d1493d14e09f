#!/usr/bin/env node
// The `stagecraft` executable (what `npm start` runs): hands process.argv and process.env to
// runCli, keeps a serving command (or a worker) alive, and closes the server and database on SIGINT/SIGTERM.
import { consoleIo } from './cli-io';
import { runCli } from './run-cli';

async function main(): Promise<void> {
  const { exitCode, server: runningServer, worker } = await runCli(process.argv.slice(2), process.env, { io: consoleIo });
  const server = runningServer ?? worker;
  if (!server) {
    process.exitCode = exitCode;
    return;
  }
  let isClosing = false;
  const shutdown = (signal: string): void => {
    if (isClosing) return;
    isClosing = true;
    console.log(`Received ${signal}, closing…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Could not close cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
