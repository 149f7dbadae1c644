// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScreenEvent } from './api';

const TOKEN = 'c'.repeat(43);

type Opened = { headers: Record<string, string> };

/** The web host's event stream: refuses the first `refusals` connections with 429, then streams. */
function fakeStreams(refusals: number) {
  const opened: Opened[] = [];
  let push: (text: string) => void = () => undefined;
  let close: () => void = () => undefined;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (url !== '/api/events') throw new Error(`unexpected call to ${url}`);
      opened.push({ headers: init.headers as Record<string, string> });
      if (opened.length <= refusals) {
        const body = { ok: false, error: { code: 'too_many_streams', message: 'this sign-in already has 4 live update streams open' } };
        return new Response(JSON.stringify(body), { status: 429, headers: { 'Content-Type': 'application/json' } });
      }
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(new TextEncoder().encode(text));
          close = () => controller.close();
          push(': connected\n\n');
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    }),
  );
  return { opened, push: (text: string) => push(text), close: () => close() };
}

beforeEach(() => {
  sessionStorage.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the event stream (web host)', () => {
  it('sends the session token beside the secret, and after a 429 reconnects with backoff and streams', async () => {
    const streams = fakeStreams(1);
    sessionStorage.setItem('aftertab.session', TOKEN);
    vi.resetModules();
    history.replaceState(null, '', '/#secret=launch-secret');
    const { onEvent } = await import('./api');
    const events: ScreenEvent[] = [];
    const off = onEvent((event) => events.push(event));

    await vi.waitFor(() => expect(streams.opened).toHaveLength(2), { timeout: 3000 });
    for (const open of streams.opened) {
      expect(open.headers['X-Aftertab-Secret']).toBe('launch-secret');
      expect(open.headers['X-Aftertab-Session']).toBe(TOKEN);
    }
    streams.push('data: {"type":"tabs.changed","tabIds":[9]}\n\n');
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'tabs.changed', tabIds: [9] }));
    off();
  });

  it('opens the stream without a session header while nobody is signed in', async () => {
    const streams = fakeStreams(0);
    vi.resetModules();
    history.replaceState(null, '', '/#secret=launch-secret');
    const { onEvent } = await import('./api');
    const off = onEvent(() => undefined);
    await vi.waitFor(() => expect(streams.opened).toHaveLength(1));
    expect(streams.opened[0]?.headers).toEqual({ 'X-Aftertab-Secret': 'launch-secret' });
    off();
  });

  it('says resync once on each connection, so screens ask again for what was pushed while it was down', async () => {
    const streams = fakeStreams(0);
    vi.resetModules();
    history.replaceState(null, '', '/#secret=launch-secret');
    const { onEvent } = await import('./api');
    const first: string[] = [];
    const second: string[] = [];
    const offFirst = onEvent((event) => first.push(event.type));
    const offSecond = onEvent((event) => second.push(event.type));
    await vi.waitFor(() => expect(first).toEqual(['resync']));

    streams.close();
    await vi.waitFor(() => expect(streams.opened).toHaveLength(2), { timeout: 3000 });
    streams.push('data: {"type":"day.changed"}\n\n');
    await vi.waitFor(() => expect(first).toContain('day.changed'));
    // One resync per connection, before anything the new stream carries, and no named events in its place.
    expect(first).toEqual(['resync', 'resync', 'day.changed']);
    expect(second).toEqual(first);
    offFirst();
    offSecond();
  });
});
