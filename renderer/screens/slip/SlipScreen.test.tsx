// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabDetail } from '../../../shared/types';
import { testStore } from '../../test-support/store';
import { testLine, testTab } from '../../test-support/tab';
import { Slip } from './SlipScreen';

vi.mock('../../api', () => ({ api: {}, onEvent: () => () => undefined, newCommandId: () => 'command-id-0001' }));

afterEach(cleanup);

const CUT = 'Washed, cut and styled. Free neckline touch-up within 7 days.';

function show(tab: TabDetail) {
  render(<Slip tab={tab} store={testStore()} />);
  return screen.getByRole('article', { name: 'Token slip' });
}

describe('the token slip', () => {
  it('lists what to expect of each service on the tab, and leaves products and removed lines off', () => {
    const slip = show(
      testTab({
        status: 'open',
        lines: [
          testLine({ id: 1, name: 'Men’s cut', expectText: CUT }),
          testLine({ id: 2, name: 'Styling cream' }),
          testLine({ id: 3, name: 'Toner', expectText: 'Refreshes the tone.', state: 'removed', removeReason: 'Changed their mind' }),
        ],
      }),
    );
    const section = within(slip).getByRole('region', { name: 'What to expect' });
    const services = within(section).getAllByRole('listitem');
    expect(services.map((li) => li.textContent)).toEqual([`Men’s cut${CUT}`]);
    expect(slip.textContent).not.toContain('Styling cream');
    expect(slip.textContent).not.toContain('Refreshes the tone.');
  });

  it('has no such section when nothing on the tab is a service', () => {
    const slip = show(testTab({ status: 'open', lines: [testLine()] }));
    expect(within(slip).queryByRole('region', { name: 'What to expect' })).toBeNull();
    expect(slip.textContent).not.toContain('Latte');
  });
});
