// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useSearchState } from './use-search-state';

afterEach(cleanup);

/** Shows the URL's query, with a button making two changes in one go and a plain link-like navigation. */
function Probe() {
  const [, change] = useSearchState();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="search">{useLocation().search}</output>
      <button
        type="button"
        onClick={() => {
          change({ open: null });
          change({ date: '2026-12-09' });
        }}
      >
        close then date
      </button>
      <button type="button" onClick={() => void navigate('/appointments?date=2026-12-06&open=9')}>
        link
      </button>
      <button type="button" onClick={() => change({ view: 'week' })}>
        week
      </button>
    </>
  );
}

function shown(): URLSearchParams {
  return new URLSearchParams(screen.getByTestId('search').textContent ?? '');
}

function mount(url: string): void {
  render(
    <MemoryRouter initialEntries={[url]}>
      <Probe />
    </MemoryRouter>,
  );
}

describe('useSearchState', () => {
  it('keeps both of two changes made before the URL renders (a panel closed, then a date typed)', () => {
    mount('/appointments?date=2026-12-06&open=7');
    fireEvent.click(screen.getByRole('button', { name: 'close then date' }));
    expect(shown().get('open')).toBeNull();
    expect(shown().get('date')).toBe('2026-12-09');
  });

  it('builds on a URL changed from outside (a link to another appointment)', () => {
    mount('/appointments?date=2026-12-06');
    fireEvent.click(screen.getByRole('button', { name: 'link' }));
    fireEvent.click(screen.getByRole('button', { name: 'week' }));
    expect(shown().get('open')).toBe('9');
    expect(shown().get('view')).toBe('week');
    expect(shown().get('date')).toBe('2026-12-06');
  });
});
