// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useShortcut } from './use-shortcut';

function Late({ onKey }: { onKey: () => void }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // A data answer arriving later, outside any user event, like a live query's.
    void Promise.resolve().then(() => setReady(true));
  }, []);
  useShortcut('n', onKey, { enabled: ready });
  return ready ? <button type="button">Add</button> : <p>Loading</p>;
}

describe('useShortcut', () => {
  const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const before = actEnv.IS_REACT_ACT_ENVIRONMENT;
  afterEach(() => {
    cleanup();
    actEnv.IS_REACT_ACT_ENVIRONMENT = before;
  });

  it('is live in the same commit that shows the control it stands for', async () => {
    actEnv.IS_REACT_ACT_ENVIRONMENT = false;
    const onKey = vi.fn();
    render(<Late onKey={onKey} />);
    // Wait for the button with a DOM observer only, so React gets no chance to run deferred effects first.
    await new Promise<void>((resolve) => {
      const seen = (): boolean => document.querySelector('button') !== null;
      if (seen()) return resolve();
      const observer = new MutationObserver(() => {
        if (seen()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }));
    expect(onKey).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Add' })).toBeTruthy();
  });

  it('ignores a letter typed into a field and keys with Ctrl', () => {
    const onKey = vi.fn();
    render(
      <>
        <input aria-label="Name" />
        <Always onKey={onKey} />
      </>,
    );
    screen.getByRole('textbox', { name: 'Name' }).dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', ctrlKey: true }));
    expect(onKey).not.toHaveBeenCalled();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }));
    expect(onKey).toHaveBeenCalledTimes(1);
  });
});

function Always({ onKey }: { onKey: () => void }) {
  useShortcut('n', onKey);
  return null;
}
