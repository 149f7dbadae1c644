import { describe, expect, it } from 'vitest';
import { CLAIM_MS, createSettleClaims } from '../auth/settle-claims';
import { snapshot } from '../test-support/ledger-fixture';
import { addPerson, OWNER_PIN, testCores, webClient, windowClient } from '../test-support/test-core';

const startCore = testCores('aftertab-claims-');

/** The owner on window 1 and Mia (a manager) on a web client, two tabs with two teas each. */
async function counter() {
  const core = startCore();
  const owner = windowClient(core, 1);
  await owner.setup(OWNER_PIN);
  await addPerson(owner, 'Mia', 'manager', '2222');
  const mia = webClient(core);
  const miaId = (await owner.call('staff.list', {})).find((s) => s.name === 'Mia')!.id;
  await mia.signIn(miaId, '2222');
  const tea = await owner.call('catalog.createItem', { categoryId: null, name: 'Tea', kind: 'product', priceMinor: 400, rateMilli: 10_000, expectText: '' });
  const tab = async () => {
    const opened = await owner.call('tab.open', {});
    const added = await owner.call('tab.addLine', { tabId: opened.id, itemId: tea.id, qty: 2 });
    return { id: added.id, token: added.token, lineId: added.lineId };
  };
  return { core, owner, mia, a: await tab(), b: await tab() };
}

describe('a tab being settled in another window', () => {
  it('refuses a move, a merge and a change of token from another session, naming who is settling, and changes nothing', async () => {
    const { core, owner, mia, a, b } = await counter();
    const claim = await owner.call('settle.claim', { tabId: a.id });
    expect(claim).toMatchObject({ tabId: a.id, others: [], renewMs: 15_000 });
    const before = snapshot(core.ledger()!);
    const refusals = [
      await mia.refuse('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: a.lineId, qty: 1 }] }),
      await mia.refuse('tab.moveLines', { fromTabId: b.id, toTabId: a.id, lines: [{ lineId: b.lineId, qty: 1 }] }),
      await mia.refuse('tab.merge', { fromTabId: b.id, intoTabId: a.id }),
      await mia.refuse('tab.merge', { fromTabId: a.id, intoTabId: b.id }),
      await mia.refuse('tab.changeToken', { tabId: a.id, token: 30 }),
    ];
    for (const error of refusals)
      expect(error).toMatchObject({ code: 'tab_being_settled', key: 'errors.move.beingSettled', params: { staff: 'Owner', token: a.token } });
    expect(refusals[0]!.message).toBe(`Owner is settling the tab on token ${a.token} in another window: wait until that is done`);
    expect(snapshot(core.ledger()!)).toEqual(before);
    // The session settling it is not in its own way.
    const moved = await owner.call('tab.moveLines', { fromTabId: a.id, toTabId: b.id, lines: [{ lineId: a.lineId, qty: 1 }] });
    expect(moved.from.totalMinor).toBe(400);
  });

  it('lets the tab move again once the window leaves the screen, signs out, or stops renewing', async () => {
    const { core, owner, mia, a, b } = await counter();
    const move = { fromTabId: b.id, toTabId: a.id, lines: [{ lineId: b.lineId, qty: 1 }] };
    await owner.call('settle.claim', { tabId: a.id });
    // Both windows may settle at once; each is told about the other.
    expect((await mia.call('settle.claim', { tabId: a.id })).others).toEqual([{ staffName: 'Owner' }]);
    await mia.call('settle.release', { tabId: a.id });
    await owner.call('settle.release', { tabId: a.id });
    await mia.call('tab.moveLines', move);

    await owner.call('settle.claim', { tabId: a.id });
    await mia.refuse('tab.moveLines', move);
    // A renewal keeps it; silence lets it lapse.
    core.advance(CLAIM_MS - 1_000);
    await owner.call('settle.claim', { tabId: a.id });
    core.advance(CLAIM_MS - 1_000);
    expect((await mia.refuse('tab.moveLines', move)).code).toBe('tab_being_settled');
    core.advance(2_000);
    await mia.call('tab.moveLines', { ...move, fromTabId: a.id, toTabId: b.id, lines: [{ lineId: a.lineId, qty: 1 }] });

    await owner.call('settle.claim', { tabId: b.id });
    await owner.call('session.end', { reason: 'lock' });
    const back = await mia.call('tab.changeToken', { tabId: b.id, token: 33 });
    expect(back.token).toBe(33);
  });

  it('refuses a claim on a closed tab, and on a window nobody is signed in on', async () => {
    const { owner, a, core } = await counter();
    await owner.call('settle.pay', { tabId: a.id, method: 'card' });
    expect((await owner.refuse('settle.claim', { tabId: a.id })).code).toBe('tab_not_open');
    expect((await windowClient(core, 9).refuse('settle.claim', { tabId: a.id })).code).toBe('unauthorized');
  });
});

describe('the claims store', () => {
  it('keeps each session’s claim apart, lapses unrenewed ones and drops a session’s claims when it ends', () => {
    let now = 0;
    const claims = createSettleClaims(() => now);
    claims.claim(1, 'window:1', { id: 1, name: 'Owner' });
    expect(claims.elsewhere(1, 'window:1')).toBeNull();
    expect(claims.elsewhere(1, 'web:x')).toMatchObject({ staffName: 'Owner' });
    expect(claims.elsewhere(1, null)).toMatchObject({ staffName: 'Owner' });
    expect(claims.elsewhere(2, 'web:x')).toBeNull();
    now += CLAIM_MS;
    expect(claims.elsewhere(1, 'web:x')).toBeNull();
    claims.claim(1, 'window:1', { id: 1, name: 'Owner' });
    claims.claim(2, 'window:1', { id: 1, name: 'Owner' });
    claims.releaseSession('window:1');
    expect([claims.elsewhere(1, 'web:x'), claims.elsewhere(2, 'web:x')]).toEqual([null, null]);
  });
});
