// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fake } from '../../test-support/fake-api';
import { useTokenPool } from './use-token-pool';

vi.mock('../../api', () => import('../../test-support/fake-api'));

const pool = [
  { token: 1, tabId: 7, state: 'held' as const },
  { token: 2, tabId: null, state: 'free' as const },
];

describe('the token pool, live', () => {
  it('is asked again on every tab change by a screen showing who holds what', async () => {
    fake.reply('token.pool', pool);
    const { result } = renderHook(() => useTokenPool());
    await waitFor(() => expect(result.current.data).toEqual(pool));
    act(() => fake.emit({ type: 'tabs.changed', tabIds: [7] }));
    await waitFor(() => expect(fake.inputs('token.pool')).toHaveLength(2));
  });

  it('for the missing tokens alone (the board), only on a token mark, a store change or a resync', async () => {
    fake.reply('token.pool', pool);
    const { result } = renderHook(() => useTokenPool({ for: 'missing' }));
    await waitFor(() => expect(result.current.data).toEqual(pool));
    act(() => fake.emit({ type: 'tabs.changed', tabIds: [7] }));
    act(() => fake.emit({ type: 'tabs.changed', tabIds: [] }));
    expect(fake.inputs('token.pool')).toHaveLength(1);
    act(() => fake.emit({ type: 'tokens.changed' }));
    await waitFor(() => expect(fake.inputs('token.pool')).toHaveLength(2));
    act(() => fake.emit({ type: 'resync' }));
    await waitFor(() => expect(fake.inputs('token.pool')).toHaveLength(3));
  });
});
