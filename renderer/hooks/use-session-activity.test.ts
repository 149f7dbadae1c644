// @vitest-environment happy-dom
import { cleanup, fireEvent, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionActivity } from './use-session-activity';

const MINUTE = 60_000;

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-09-14T10:00:00Z') }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function watch(enabled = true, idleMinutes = 5) {
  const onIdle = vi.fn();
  const onActive = vi.fn();
  const hook = renderHook((props: { enabled: boolean }) => useSessionActivity({ enabled: props.enabled, idleMinutes, onIdle, onActive }), {
    initialProps: { enabled },
  });
  return { onIdle, onActive, hook };
}

describe('useSessionActivity', () => {
  it('locks after the idle minutes without input, not a moment before', () => {
    const { onIdle } = watch();
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts the idle time from the last pointer, key or touch', () => {
    const { onIdle } = watch();
    vi.advanceTimersByTime(4 * MINUTE);
    fireEvent.pointerDown(window);
    vi.advanceTimersByTime(4 * MINUTE);
    fireEvent.keyUp(document.body, { key: 'a' });
    vi.advanceTimersByTime(4 * MINUTE);
    fireEvent.touchStart(document.body);
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('tells the main process someone is working at most once a minute, and only on input', () => {
    const { onActive } = watch();
    vi.advanceTimersByTime(30_000);
    fireEvent.pointerMove(window);
    expect(onActive).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    fireEvent.pointerMove(window);
    fireEvent.pointerMove(window);
    expect(onActive).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3 * MINUTE);
    expect(onActive).toHaveBeenCalledTimes(1);
    fireEvent.keyUp(document.body, { key: '1' });
    expect(onActive).toHaveBeenCalledTimes(2);
  });

  it('does nothing while locked', () => {
    const { onIdle, onActive, hook } = watch();
    hook.rerender({ enabled: false });
    vi.advanceTimersByTime(10 * MINUTE);
    fireEvent.pointerDown(window);
    expect(onIdle).not.toHaveBeenCalled();
    expect(onActive).not.toHaveBeenCalled();
  });
});
