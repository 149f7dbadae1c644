import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/errors';
import type { AppEvent } from '../../shared/types';
import type { CommandRouter } from './host-commands';
import { createPendingRouter } from './pending-router';

const window = { kind: 'window', windowId: 7 } as const;

function fakeRouter(): CommandRouter & { emit: (event: AppEvent) => void; dispatch: ReturnType<typeof vi.fn> } {
  const listeners = new Set<(event: AppEvent) => void>();
  return {
    dispatch: vi.fn(async (name: string): Promise<Result<unknown>> => ({ ok: true, value: name })),
    forget: vi.fn(),
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
  };
}

describe('the pending router', () => {
  it('holds every command until the core is ready, then hands them over in the order they came', async () => {
    const pending = createPendingRouter();
    const answers = [pending.dispatch('recovery.status', { input: {} }, window), pending.dispatch('device.get', { input: {} }, window)];
    await Promise.resolve();
    const core = fakeRouter();
    pending.ready(core);
    expect(await Promise.all(answers)).toEqual([
      { ok: true, value: 'recovery.status' },
      { ok: true, value: 'device.get' },
    ]);
    expect(core.dispatch.mock.calls).toEqual([
      ['recovery.status', { input: {} }, window],
      ['device.get', { input: {} }, window],
    ]);
    expect(await pending.dispatch('store.get', { input: {} }, window)).toEqual({ ok: true, value: 'store.get' });
  });

  it('refuses every waiting and later command when the core cannot start', async () => {
    const pending = createPendingRouter();
    const waiting = pending.dispatch('device.get', {}, window);
    pending.failed({ code: 'internal', message: 'Aftertab could not open its ledger.' });
    expect(await waiting).toEqual({ ok: false, error: { code: 'internal', message: 'Aftertab could not open its ledger.' } });
    expect(await pending.dispatch('store.get', {}, window)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(() => pending.ready(fakeRouter())).toThrow(/already settled/);
  });

  it('passes the core’s events to listeners that subscribed before it, until they unsubscribe', () => {
    const pending = createPendingRouter();
    const heard = vi.fn();
    const unsubscribe = pending.subscribe(heard);
    const core = fakeRouter();
    pending.ready(core);
    core.emit({ type: 'store.changed' });
    expect(heard).toHaveBeenCalledWith({ type: 'store.changed' });
    unsubscribe();
    core.emit({ type: 'catalog.changed' });
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('lets every listener hear an event even when one throws, and rethrows that for the core to log', () => {
    const pending = createPendingRouter();
    const after = vi.fn();
    pending.subscribe(() => {
      throw new Error('a window went away');
    });
    pending.subscribe(after);
    const core = fakeRouter();
    pending.ready(core);
    expect(() => core.emit({ type: 'tabs.changed', tabIds: [1] })).toThrow('a window went away');
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('forgets a caller through the core once there is one, and has nothing to forget before', () => {
    const pending = createPendingRouter();
    expect(() => pending.forget(window)).not.toThrow();
    const core = fakeRouter();
    pending.ready(core);
    pending.forget(window);
    expect(core.forget).toHaveBeenCalledWith(window);
  });
});
