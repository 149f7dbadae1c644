// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { lazy, type ReactNode } from 'react';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyScreen } from '../lazy-screen';
import { ScreenSuspense } from './ScreenSuspense';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function frame(element: ReactNode) {
  return (
    <MemoryRouter initialEntries={['/reports']}>
      <Link to="/">Tabs</Link>
      <ScreenSuspense>
        <Routes>
          <Route path="/" element={<h1>Board</h1>} />
          <Route path="/reports" element={element} />
        </Routes>
      </ScreenSuspense>
    </MemoryRouter>
  );
}

describe('a screen loaded on demand', () => {
  it('shows a loading line in its place until its code is here, then the screen', async () => {
    let arrive: (module: { ReportsScreen: () => ReactNode }) => void = () => undefined;
    const Reports = lazyScreen(() => new Promise<{ ReportsScreen: () => ReactNode }>((resolve) => (arrive = resolve)), 'ReportsScreen');
    render(frame(<Reports />));
    expect((await screen.findByRole('status')).textContent).toBe('Loading…');
    arrive({ ReportsScreen: () => <h1>Reports</h1> });
    await screen.findByRole('heading', { name: 'Reports' });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says so, with a reload, when its code cannot be fetched, and another screen clears it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = lazy(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    render(frame(<Broken />));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This screen could not be shown (Failed to fetch dynamically imported module). Reload to try again, or choose another screen above.',
    );
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Tabs' }));
    await screen.findByRole('heading', { name: 'Board' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
