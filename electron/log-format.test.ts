import { describe, expect, it } from 'vitest';
import { describeError, formatLine, isSensitiveKey, redactText } from './log-format';

describe('redactText', () => {
  it('masks every registered value, a longer one whole before a shorter one inside it', () => {
    const text = redactText('key abcdefgh12345678 then abcdefgh alone', ['abcdefgh', 'abcdefgh12345678']);
    expect(text).toBe('key [redacted] then [redacted] alone');
  });

  it('never masks a registered value shorter than eight characters', () => {
    expect(redactText('token 1 costs 1234', ['1234'])).toBe('token 1 costs 1234');
  });

  it('drops a #secret= or ?secret= pair whole, so not even "secret=" is left', () => {
    const text = redactText('open http://127.0.0.1:5123/#secret=Zm9vYmFy-_x and http://h/?a=1&secret=abc&b=2');
    expect(text).toBe('open http://127.0.0.1:5123/#[redacted] and http://h/?a=1&[redacted]&b=2');
    expect(text).not.toContain('secret=');
  });

  it('masks the secret header and PIN, hash and token values inside any text', () => {
    const text = redactText('headers {"x-aftertab-secret":"s3cr3tvalue","pin": "1234", pinHash=abcd, sessionToken: \'t-9\'}');
    expect(text).not.toMatch(/s3cr3tvalue|1234|abcd|t-9/);
    expect(text).toContain('"x-aftertab-secret":[redacted]');
    expect(text).toContain('"pin": [redacted], pinHash=[redacted], sessionToken: [redacted]}');
  });

  it('leaves a tab token as the till says it ("Token 3") alone', () => {
    expect(redactText('Token 3 is free again; tokens 1-40')).toBe('Token 3 is free again; tokens 1-40');
  });
});

describe('formatLine', () => {
  it('writes the fields given, quoting values with spaces, and masks sensitive keys whatever they hold', () => {
    const line = formatLine('backup made', {
      name: 'a.sqlite',
      folder: '/tmp/my backups',
      ms: 12,
      ok: true,
      none: null,
      pin: '1234',
      pinHash: 'x',
      token: 'y',
      skipped: undefined,
    });
    expect(line).toBe('backup made name=a.sqlite folder="/tmp/my backups" ms=12 ok=true none=null pin=[redacted] pinHash=[redacted] token=[redacted]');
  });

  it('tells sensitive keys from ordinary ones', () => {
    expect(['pin', 'PIN', 'pin_hash', 'pinHash', 'token', 'sessionToken', 'secret', 'webSecret', 'password'].every(isSensitiveKey)).toBe(true);
    expect(['command', 'code', 'name', 'tokens', 'spinner', 'folder'].some(isSensitiveKey)).toBe(false);
  });
});

describe('describeError', () => {
  it('gives the stack and each cause', () => {
    const error = new Error('outer', { cause: new TypeError('inner') });
    const text = describeError(error);
    expect(text).toMatch(/^Error: outer\n\s+at /);
    expect(text).toContain('Caused by: TypeError: inner');
  });

  it('names only the type of a thrown object, which may be a payload', () => {
    expect(describeError({ name: 'Ana Lindqvist' })).toBe('(a thrown object, not an Error)');
    expect(describeError('plain words')).toBe('plain words');
  });
});
