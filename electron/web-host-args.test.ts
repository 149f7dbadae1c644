import { describe, expect, it } from 'vitest';
import { resolvePort } from './web-host-args';

describe('resolvePort', () => {
  it('reads the flag, then AFTERTAB_PORT, else 0', () => {
    expect(resolvePort(['--port=5173'], { AFTERTAB_PORT: '9000' })).toBe(5173);
    expect(resolvePort(['--port', '8080'], {})).toBe(8080);
    expect(resolvePort([], { AFTERTAB_PORT: '9000' })).toBe(9000);
    expect(resolvePort([], {})).toBe(0);
  });

  it('refuses values that are not ports', () => {
    expect(() => resolvePort(['--port=abc'], {})).toThrow(/not a port number/);
    expect(() => resolvePort(['--port=70000'], {})).toThrow(/not a port number/);
    expect(() => resolvePort(['--port=-1'], {})).toThrow(/not a port number/);
  });
});
