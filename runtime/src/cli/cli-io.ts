// Where CLI commands write: injected so tests can read the output and the exit code.
import { ConfirmationRequiredError, formatProblem, StagecraftError } from '@stagecraft/core';
import { ConfigError } from '../config/config';

export interface CliIo {
  out(line: string): void;
  error(line: string): void;
}

export const consoleIo: CliIo = {
  out: (line) => console.log(line),
  error: (line) => console.error(line),
};

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** A command-line mistake: printed with the usage text, exit code 2. */
export class UsageError extends Error {}

/** Prints an error the way people can act on it: the message, then one line per problem. */
export function reportError(io: CliIo, error: unknown): void {
  if (error instanceof ConfigError) {
    io.error(`Configuration error: ${error.message}`);
  } else if (error instanceof StagecraftError) {
    io.error(error.message);
    for (const problem of error.details) io.error(`  ${formatProblem(problem)}`);
    if (error instanceof ConfirmationRequiredError) io.error('Nothing was changed. Review the plan, then run again with --confirm to apply it.');
  } else {
    io.error(error instanceof Error ? error.message : String(error));
  }
}
