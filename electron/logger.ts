import { describeError, formatLine } from './log-format';

/**
 * What a log line may carry besides its message: command names, error codes, file paths,
 * counts, timings. Never a command's payload or result, which hold customers' details.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export type Logger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  /** The error's stack (and its causes) is written under the line. */
  error(message: string, error?: unknown, fields?: LogFields): void;
};

/** The `log` option the modules already take, with the fields that say where it came from. */
export type ErrorLog = (error: unknown, fields?: LogFields) => void;

export function logErrorsTo(logger: Logger, message: string): ErrorLog {
  return (error, fields) => logger.error(message, error, fields);
}

/**
 * Where no log file is wired in (unit tests, the bench, a seeded e2e folder): problems go to
 * stderr as they always did, and the routine lines nowhere.
 */
export const consoleLogger: Logger = {
  info: () => undefined,
  warn: (message, fields) => console.error(`[aftertab] ${formatLine(message, fields)}`),
  error: (message, error, fields) => console.error(`[aftertab] ${formatLine(message, fields)}${error === undefined ? '' : `\n${describeError(error)}`}`),
};

/** For a module whose routine lines are optional: without a log file they go nowhere. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
