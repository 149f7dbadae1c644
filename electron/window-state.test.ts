import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const files = new Map<string, Map<string, unknown>>();
  const options: unknown[] = [];
  class FakeStore {
    private readonly data: Map<string, unknown>;
    constructor(opts: { name?: string; cwd?: string }) {
      options.push(opts);
      const file = `${opts.cwd ?? '<userData>'}/${opts.name ?? 'config'}`;
      if (!files.has(file)) files.set(file, new Map());
      this.data = files.get(file) ?? new Map();
    }
    get(key: string) {
      return this.data.get(key);
    }
    set(key: string, value: unknown) {
      this.data.set(key, value);
    }
  }
  return { files, options, FakeStore };
});

vi.mock('electron-store', () => ({ default: fake.FakeStore }));

const { createWindowStateStore, fitBounds } = await import('./window-state');

const screenArea = { x: 0, y: 0, width: 1920, height: 1080 };

describe('fitBounds', () => {
  it('uses the default size and no position when nothing was saved', () => {
    expect(fitBounds(undefined, [screenArea])).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('keeps saved bounds that are on a display', () => {
    const saved = { x: 200, y: 100, width: 1300, height: 900, maximized: true };
    expect(fitBounds(saved, [screenArea])).toEqual(saved);
  });

  it('drops the position when the display it was on is gone', () => {
    const saved = { x: 3000, y: 100, width: 1300, height: 900, maximized: false };
    expect(fitBounds(saved, [screenArea])).toEqual({ width: 1300, height: 900, maximized: false });
  });

  it('never goes below the minimum size', () => {
    expect(fitBounds({ width: 300, height: 200, maximized: false }, [screenArea])).toEqual({ width: 1024, height: 700, maximized: false });
  });
});

describe('createWindowStateStore', () => {
  it('round-trips bounds in window-state under the given folder', () => {
    const bounds = { x: 10, y: 20, width: 1280, height: 800, maximized: false };
    createWindowStateStore({ cwd: '/data/a' }).save(bounds);
    expect(createWindowStateStore({ cwd: '/data/a' }).load()).toEqual(bounds);
    expect(createWindowStateStore({ cwd: '/data/b' }).load()).toBeUndefined();
    expect(fake.options).toContainEqual({ name: 'window-state', clearInvalidConfig: true, cwd: '/data/a' });
  });

  it('ignores a damaged file instead of trusting it', () => {
    const store = createWindowStateStore({ cwd: '/data/damaged' });
    fake.files.get('/data/damaged/window-state')?.set('bounds', { width: 'wide', height: -1 });
    expect(store.load()).toBeUndefined();
  });
});
