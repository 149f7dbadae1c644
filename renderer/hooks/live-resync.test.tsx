// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The web host as a page sees it: commands answer at once (counted by name); the event stream
 * connects, and the test can drop it (the renderer then connects again) or push an event down it.
 */
function fakeWebHost() {
  const asked = new Map<string, number>();
  let streams = 0;
  let push: (text: string) => void = () => undefined;
  let drop: () => void = () => undefined;
  const answers: Record<string, unknown> = {
    'report.zList': [],
    'backup.status': { folder: '/b', keep: 14, everyMinutes: 30, lastBackup: null, lastError: null, lastShutdownFailure: null, backups: [] },
    'tab.listOpen': [],
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/events') {
        streams += 1;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            push = (text) => controller.enqueue(new TextEncoder().encode(text));
            drop = () => controller.close();
            push(': connected\n\n');
          },
        });
        return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
      }
      const name = url.replace('/api/command/', '');
      asked.set(name, (asked.get(name) ?? 0) + 1);
      return new Response(JSON.stringify({ ok: true, value: answers[name] ?? null }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return { asked: (name: string) => asked.get(name) ?? 0, streams: () => streams, push: (text: string) => push(text), drop: () => drop() };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('live queries after the event stream reconnects', () => {
  it('ask again once each, the Z list and the backups too, though no event they name came', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host = fakeWebHost();
    vi.resetModules();
    history.replaceState(null, '', '/#secret=launch-secret');
    const { useOpenTabs, useZList } = await import('./use-live-data');
    const { useBackupStatus } = await import('../screens/backup/use-backup-status');
    const { onEvent } = await import('../api');
    function Screens() {
      useZList();
      useBackupStatus();
      useOpenTabs();
      return null;
    }
    render(<Screens />);
    const watched = ['report.zList', 'backup.status', 'tab.listOpen'];
    // The first load, and once more when the stream first connects (a change may have come between).
    await vi.waitFor(() => expect(watched.map(host.asked)).toEqual([2, 2, 2]));

    host.drop();
    await vi.waitFor(() => expect(host.streams()).toBe(2), { timeout: 3000 });
    await vi.waitFor(() => expect(watched.map(host.asked)).toEqual([3, 3, 3]));
    // An event down the new stream, heard after the resync: by then every query has asked, once.
    const heard: string[] = [];
    const off = onEvent((event) => heard.push(event.type));
    host.push('data: {"type":"catalog.changed"}\n\n');
    await vi.waitFor(() => expect(heard).toContain('catalog.changed'));
    off();
    expect(watched.map(host.asked)).toEqual([3, 3, 3]);
  });
});
