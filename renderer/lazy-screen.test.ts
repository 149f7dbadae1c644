import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyScreen, whenIdle } from './lazy-screen';

afterEach(() => vi.useRealTimers());

describe('a screen loaded on demand', () => {
  it('can have its code fetched ahead, and a fetch that fails is left for the visit to show', async () => {
    const load = vi.fn(() => Promise.resolve({ Shown: () => null }));
    await lazyScreen(load, 'Shown').preload();
    expect(load).toHaveBeenCalledTimes(1);

    const failing = vi.fn(() => Promise.reject(new Error('dropped link')));
    await expect(lazyScreen(failing, 'Shown').preload()).resolves.toBeUndefined();
    expect(failing).toHaveBeenCalledTimes(1);
  });
});

describe('work for when the page is idle', () => {
  it('runs later, not at once, and not at all once cancelled', () => {
    vi.useFakeTimers();
    const work = vi.fn();
    whenIdle(work);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(work).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    whenIdle(cancelled)();
    vi.advanceTimersByTime(1000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
