// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fake, type Reply } from '../../test-support/fake-api';
import { testTab } from '../../test-support/tab';
import { ItemButton } from './CatalogPanel';

vi.mock('../../api', () => import('../../test-support/fake-api'));

afterEach(cleanup);

describe('an item button', () => {
  it('keeps the keyboard focus while its add is on the way, ignoring a second tap until it lands', async () => {
    render(
      <ul>
        <ItemButton
          tabId={7}
          item={{
            id: 3,
            categoryId: null,
            name: 'Latte',
            kind: 'product',
            priceMinor: 440,
            rateMilli: 10_000,
            expectText: '',
            durationMinutes: null,
            archived: false,
          }}
          price="€4.40"
        />
      </ul>,
    );
    // The add's answer comes only when the test gives it.
    let answer: (result: Reply<'tab.addLine'>) => void = () => undefined;
    fake.handle('tab.addLine', () => new Promise((resolve) => (answer = resolve)));
    const button = screen.getByRole('button', { name: /Latte/ });
    button.focus();
    fireEvent.click(button);
    expect(fake.calls('tab.addLine')).toHaveLength(1);
    expect(button).toHaveProperty('disabled', false);
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(fake.calls('tab.addLine')).toHaveLength(1);
    await act(async () => answer({ ok: true, value: { ...testTab(), lineId: 1 } }));
    fireEvent.click(button);
    expect(fake.calls('tab.addLine')).toHaveLength(2);
  });
});
