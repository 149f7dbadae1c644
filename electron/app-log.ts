import electronLog from 'electron-log/node';
import path from 'node:path';
import { describeError, formatLine, MIN_REDACTED_LENGTH, redactText } from './log-format';
import type { Logger } from './logger';

export const LOG_FILE_NAME = 'aftertab.log';
/** Past this the file is renamed to aftertab.old.log (replacing the previous one) and begun again. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export type AppLog = Logger & {
  /** <dataDir>/logs/aftertab.log */
  readonly file: string;
  readonly dir: string;
  /** Masks every later occurrence of this value (the web host's secret, a session token). */
  redact(secret: string): void;
  /** Later lines are dropped: the folder may be about to go (tests) or the process to exit. */
  close(): void;
};

export type AppLogOptions = {
  dataDir: string;
  /** Also print each line to the console (off by default: the CLI prints its own words). */
  console?: boolean;
  maxSizeBytes?: number;
};

type Level = 'info' | 'warn' | 'error';

/**
 * A rotating log file in the data folder, so an owner can send it in when something went wrong.
 * Callers pass a message and whitelisted fields; every line then goes through the redaction
 * hook, which masks registered secrets and anything shaped like a secret, PIN or token.
 */
export function createAppLog(options: AppLogOptions): AppLog {
  const dir = path.join(options.dataDir, 'logs');
  const file = path.join(dir, LOG_FILE_NAME);
  const secrets = new Set<string>();
  let closed = false;

  // Its own instance: the default one would also pick up anything else logging through electron-log.
  const log = electronLog.create({ logId: 'aftertab' });
  // electron-log looks for an app name (in the nearest package.json) before it resolves any path;
  // naming the app keeps that search from failing inside a packaged asar.
  log.transports.file.setAppName('Aftertab');
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = options.maxSizeBytes ?? LOG_MAX_BYTES;
  log.transports.file.format = '[{iso}] [{level}] {text}';
  log.transports.console.level = options.console ? 'info' : false;
  log.transports.remote.level = false;
  log.hooks.push((message) => ({
    ...message,
    // Every line is one string made below; anything else reaching here is masked whole.
    data: message.data.map((item: unknown) => (typeof item === 'string' ? redactText(item, secrets) : '[redacted]')),
  }));

  const write = (level: Level, text: string): void => {
    if (!closed) log[level](text);
  };

  return {
    file,
    dir,
    info: (message, fields) => write('info', formatLine(message, fields)),
    warn: (message, fields) => write('warn', formatLine(message, fields)),
    error: (message, error, fields) => write('error', `${formatLine(message, fields)}${error === undefined ? '' : `\n${describeError(error)}`}`),
    redact(secret) {
      if (secret.length < MIN_REDACTED_LENGTH) throw new RangeError(`a value to redact needs at least ${MIN_REDACTED_LENGTH} characters`);
      secrets.add(secret);
    },
    close() {
      closed = true;
    },
  };
}
