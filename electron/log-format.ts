import type { LogFields } from './logger';

const REDACTED = '[redacted]';

/** Registering a shorter value would blank out ordinary numbers and words all over the log. */
export const MIN_REDACTED_LENGTH = 8;

// The web host's link carries its secret after `#secret=`; the whole pair goes, so the log never
// shows even the name of a secret.
const SECRET_PAIR = /secret=[^\s&#"'<>]*/gi;
// `pin: 1234`, `"pinHash":"…"`, `token=…`, `X-Aftertab-Secret: …` inside any text (an error
// message quoting a request, say). A tab's token ("Token 3") has no `:` or `=` and stays.
const SENSITIVE_VALUE = /\b(pin|pin_?hash|token|session_?token|secret|password)(["']?\s*[:=]\s*)(?!\[redacted\])("[^"]*"|'[^']*'|[^\s,;&}\]]+)/gi;
const SENSITIVE_KEY = /^pin$|pin_?hash|secret|password|token$/i;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/** Every registered value, then anything shaped like a secret, a PIN or a token, masked. */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  // Longest first, so a secret containing another is masked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_REDACTED_LENGTH) out = out.split(secret).join(REDACTED);
  }
  return out.replace(SECRET_PAIR, REDACTED).replace(SENSITIVE_VALUE, `$1$2${REDACTED}`);
}

function formatValue(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
}

/** `message key=value …`: only the fields given, a sensitive key's value masked whatever it holds. */
export function formatLine(message: string, fields: LogFields = {}): string {
  const parts = [message];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(`${key}=${isSensitiveKey(key) ? REDACTED : formatValue(value)}`);
  }
  return parts.join(' ');
}

/**
 * An error's stack and its causes. Anything thrown that is not an Error is written by its type
 * only: a thrown object may be a command's payload, and customers' details stay out of the log.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && parts.length < 5) {
    seen.add(current);
    if (!(current instanceof Error)) {
      parts.push(typeof current === 'string' ? current : `(a thrown ${typeof current}, not an Error)`);
      break;
    }
    parts.push(current.stack ?? `${current.name}: ${current.message}`);
    current = current.cause;
  }
  return parts.join('\nCaused by: ');
}
