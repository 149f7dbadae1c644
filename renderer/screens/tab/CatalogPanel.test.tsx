// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/errors';
import { ItemButton } from './CatalogPanel';

let answer: (result: Result<unknown>) => void = () => undefined;
const addLine = vi.fn(() => new Promise<Result<unknown>>((resolve) => (answer = resolve)));
vi.mock('../../api', () => ({ api: { 'tab.addLine': (...args: unknown[]) => addLine(...(args as [])) }, onEvent: () => () => undefined, newCommandId: () => 'test-command-id' }));

afterEach(cleanup);

describe('an item button', () => {
  it('keeps the keyboard focus while its add is on the way, ignoring a second tap until it lands', async () => {
    render(
      <ul>
        <ItemButton tabId={7} item={{ id: 3, categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 10_000, expectText: '', durationMinutes: null, archived: false }} price="€4.40" />
      </ul>,
    );
    const button = screen.getByRole('button', { name: /Latte/ });
    button.focus();
    fireEvent.click(button);
    expect(addLine).toHaveBeenCalledTimes(1);
    expect(button).toHaveProperty('disabled', false);
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(addLine).toHaveBeenCalledTimes(1);
    await act(async () => answer({ ok: true, value: {} }));
    fireEvent.click(button);
    expect(addLine).toHaveBeenCalledTimes(2);
  });
});
