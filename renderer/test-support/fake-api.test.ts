import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/types';
import { api, fake, newCommandId, onEvent } from './fake-api';
import { testStore } from './store';

describe('the fake api', () => {
  it('answers a command as set, records what was sent, and refuses one nobody set', async () => {
    fake.reply('store.get', testStore({ name: 'Corner café' }));
    expect(await api['store.get']({})).toEqual({ ok: true, value: testStore({ name: 'Corner café' }) });
    fake.fail('store.get', { code: 'forbidden', message: 'no' });
    expect(await api['store.get']({}, { commandId: 'command-9' })).toEqual({ ok: false, error: { code: 'forbidden', message: 'no' } });
    expect(fake.calls('store.get')).toEqual([
      { input: {}, options: undefined },
      { input: {}, options: { commandId: 'command-9' } },
    ]);
    expect(await api['day.status']({})).toMatchObject({ ok: false, error: { message: 'the test set no answer for day.status' } });
    expect(fake.names()).toEqual(['store.get', 'store.get', 'day.status']);
  });

  it('gives answers in turn, the last one for good, and counts command ids from command-1', async () => {
    fake.answer('report.zList', { ok: false, error: { code: 'internal', message: 'busy' } }, { ok: true, value: [] });
    expect((await api['report.zList']({})).ok).toBe(false);
    expect((await api['report.zList']({})).ok).toBe(true);
    expect((await api['report.zList']({})).ok).toBe(true);
    expect([newCommandId(), newCommandId()]).toEqual(['command-1', 'command-2']);
  });

  it('pushes events to the screens and to a bridge, which hears only the main process', () => {
    const screen: string[] = [];
    const bridge: AppEvent[] = [];
    const off = onEvent((event) => screen.push(event.type));
    fake.bridge().onEvent((event) => bridge.push(event));
    fake.emit({ type: 'store.changed' });
    fake.emit({ type: 'resync' });
    off();
    fake.emit({ type: 'catalog.changed' });
    expect(screen).toEqual(['store.changed', 'resync']);
    expect(bridge).toEqual([{ type: 'store.changed' }, { type: 'catalog.changed' }]);
    expect(fake.listening()).toBe(1);
  });

  it('starts every test afresh', () => {
    expect(fake.names()).toEqual([]);
    expect(fake.listening()).toBe(0);
    expect(newCommandId()).toBe('command-1');
  });
});
