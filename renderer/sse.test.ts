import { describe, expect, it } from 'vitest';
import { parseSse } from './sse';

describe('parseSse', () => {
  it('returns complete events and keeps the unfinished tail', () => {
    const { data, rest } = parseSse(': connected\n\ndata: {"a":1}\n\ndata: {"b"');
    expect(data).toEqual(['{"a":1}']);
    expect(rest).toBe('data: {"b"');
  });

  it('joins multi-line data, skips comments and accepts CRLF', () => {
    const { data, rest } = parseSse('data: one\r\ndata: two\r\n\r\n: keepalive\n\nevent: x\n\n');
    expect(data).toEqual(['one\ntwo']);
    expect(rest).toBe('');
  });
});
