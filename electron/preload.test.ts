import { build } from 'esbuild';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BridgeApi } from '../shared/api-types';
import { commandNames } from '../shared/contract';
import type { AppEvent } from '../shared/types';

type RendererListener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<RendererListener>>();
  const ipcRenderer = {
    invoke: vi.fn(async (_channel: string, _envelope: unknown) => ({ ok: true, value: 'from main' })),
    on: vi.fn((channel: string, listener: RendererListener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: RendererListener) => {
      listeners.get(channel)?.delete(listener);
    }),
    send: vi.fn(),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    const rawEvent = { sender: ipcRenderer, ports: [] };
    for (const listener of listeners.get(channel) ?? []) listener(rawEvent, ...args);
  };
  const exposed = new Map<string, unknown>();
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, value: unknown) => exposed.set(key, value)) };
  return { ipcRenderer, contextBridge, emit, exposed, listeners };
});

vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

let api: BridgeApi;

beforeAll(async () => {
  await import('./preload');
  api = fake.exposed.get('aftertab') as BridgeApi;
});

/** Every value reachable from the exposed object, functions included. */
function reachable(value: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return seen;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) reachable((value as Record<PropertyKey, unknown>)[key], seen);
  return seen;
}

describe('preload', () => {
  it('exposes one object, window.aftertab, with exactly commands, onEvent and printToPdf', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledWith('aftertab', expect.anything());
    expect(Object.keys(api).sort()).toEqual(['commands', 'onEvent', 'printToPdf']);
    expect(typeof api.onEvent).toBe('function');
    expect(typeof api.printToPdf).toBe('function');
  });

  it('asks the main process for a PDF with the file name only', async () => {
    fake.ipcRenderer.invoke.mockClear();
    const sneaky = { filename: 'aftertab-z0001-2026-09-14.pdf', path: '/etc' } as { filename: string };
    const result = await api.printToPdf?.(sneaky);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('aftertab:print-pdf', { filename: 'aftertab-z0001-2026-09-14.pdf' });
    expect(result).toEqual({ ok: true, value: 'from main' });
  });

  it('has one function per command name and nothing else', () => {
    expect(Object.keys(api.commands).sort()).toEqual([...commandNames].sort());
    for (const name of commandNames) expect(typeof api.commands[name]).toBe('function');
  });

  it('never hands the page ipcRenderer or any of its methods', () => {
    const values = reachable(api);
    expect(values.has(fake.ipcRenderer)).toBe(false);
    for (const method of Object.values(fake.ipcRenderer)) expect(values.has(method)).toBe(false);
  });

  it('invokes the command channel with the input and the command id', async () => {
    fake.ipcRenderer.invoke.mockClear();
    const result = await api.commands['tab.addLine']({ tabId: 2, itemId: 5 }, { commandId: 'cmd-1' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('aftertab:cmd:tab.addLine', { input: { tabId: 2, itemId: 5 }, commandId: 'cmd-1' });
    expect(result).toEqual({ ok: true, value: 'from main' });
  });

  it('sends no command id when the caller gives none', async () => {
    fake.ipcRenderer.invoke.mockClear();
    await api.commands['store.get']({});
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('aftertab:cmd:store.get', { input: {}, commandId: undefined });
  });

  it('gives listeners only the event payload, and unsubscribing removes the listener', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    const event: AppEvent = { type: 'tabs.changed', tabIds: [1] };
    fake.emit('aftertab:event', event);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([event]);
    expect(fake.listeners.get('aftertab:event')?.size).toBe(1);

    unsubscribe();
    fake.emit('aftertab:event', { type: 'catalog.changed' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.listeners.get('aftertab:event')?.size).toBe(0);
  });

  it('ignores messages on other channels', () => {
    const listener = vi.fn();
    const unsubscribe = api.onEvent(listener);
    fake.emit('aftertab:cmd:store.get', { type: 'store.changed' });
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
  });
});

describe('the preload bundle', () => {
  // Bundled as scripts/build-node.mjs bundles it (the built file itself is checked in e2e/main-bundle.spec.ts).
  it('carries the command names only: no zod, no contract, no package, a few KB', async () => {
    const root = path.join(__dirname, '..');
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['electron/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'chrome140',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).sort();
    expect(inputs).toContain('electron/preload.ts');
    expect(inputs).toContain('shared/command-names.ts');
    expect(inputs.filter((file) => file.includes('node_modules'))).toEqual([]);
    expect(inputs).not.toContain('shared/contract.ts');
    expect(result.outputFiles[0]?.contents.byteLength).toBeLessThan(20_000);
  });
});
