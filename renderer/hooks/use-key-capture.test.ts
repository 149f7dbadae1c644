// @vitest-environment happy-dom
import { cleanup, fireEvent, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useKeyCapture } from './use-key-capture';

afterEach(cleanup);

describe('useKeyCapture', () => {
  it('takes every key from the screens behind while enabled, and gives them back after', () => {
    // A screen's shortcuts: a plain one, and an Esc-first one added later in the capture phase.
    const shortcut = vi.fn();
    const escapeFirst = vi.fn();
    window.addEventListener('keydown', shortcut);
    window.addEventListener('keydown', escapeFirst, true);
    const pad = vi.fn();
    const hook = renderHook(({ on }: { on: boolean }) => useKeyCapture(pad, on), { initialProps: { on: true } });

    fireEvent.keyDown(document.body, { key: '7' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(pad.mock.calls.map(([e]) => (e as KeyboardEvent).key)).toEqual(['7', 'Escape']);
    expect(shortcut).not.toHaveBeenCalled();
    expect(escapeFirst).not.toHaveBeenCalled();

    hook.rerender({ on: false });
    fireEvent.keyDown(document.body, { key: '7' });
    expect(pad).toHaveBeenCalledTimes(2);
    expect(shortcut).toHaveBeenCalledTimes(1);
    expect(escapeFirst).toHaveBeenCalledTimes(1);
    window.removeEventListener('keydown', shortcut);
    window.removeEventListener('keydown', escapeFirst, true);
  });

  it('gives the keys to the surface opened last (a dialog over a screen over nothing)', () => {
    const first = vi.fn();
    const second = vi.fn();
    renderHook(() => useKeyCapture(first, true));
    const top = renderHook(() => useKeyCapture(second, true));
    fireEvent.keyDown(document.body, { key: '1' });
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
    top.unmount();
    fireEvent.keyDown(document.body, { key: '2' });
    expect(first).toHaveBeenCalledTimes(1);
  });
});
