import { describe, expect, it } from 'vitest';
import { addPerson, testCores, windowClient } from '../test-support/test-core';

const startCore = testCores('aftertab-refund-approval-');

/** Sam (staff) at the counter on window 2 with a 4.40 latte settled by card; Mia (manager) to ask. */
async function counter() {
  const core = startCore();
  const owner = windowClient(core, 1);
  await owner.setup();
  const sam = await addPerson(owner, 'Sam', 'staff', '1111');
  const mia = await addPerson(owner, 'Mia', 'manager', '2222');
  const item = await owner.call('catalog.createItem', { categoryId: null, name: 'Latte', kind: 'product', priceMinor: 440, rateMilli: 10_000, expectText: '' });
  const till = windowClient(core, 2);
  await till.signIn(sam.id, '1111');
  const tab = await till.call('tab.open', {});
  await till.call('tab.addLine', { tabId: tab.id, itemId: item.id });
  await till.call('settle.pay', { tabId: tab.id, method: 'card' });
  const db = core.ledger()!.db;
  return { core, owner, till, sam, mia, tab, db };
}

describe('a refund by a staff member', () => {
  it('is priced freely, given only with a manager’s PIN for that one refund, and names who approved it', async () => {
    const { till, mia, tab, db } = await counter();
    expect(await till.call('tab.refundQuote', { tabId: tab.id, mode: 'whole' })).toMatchObject({ amountMinor: 440, givenMinor: 440 });
    const input = { tabId: tab.id, mode: 'whole' as const, reason: 'cold coffee' };
    const commandId = 'refund-approval-0001';
    expect(await till.refuse('tab.refund', input, commandId)).toMatchObject({ code: 'approval_needed' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM refunds').get()).toEqual({ n: 0 });

    // A wrong PIN grants nothing; a PIN for another input covers nothing.
    expect((await till.send('approval.grant', { command: 'tab.refund', commandId, input, approverId: mia.id, pin: '9999' })).ok).toBe(false);
    expect(
      (
        await till.send('approval.grant', {
          command: 'tab.refund',
          commandId,
          input: { ...input, mode: 'amount', amountMinor: 1 },
          approverId: mia.id,
          pin: '2222',
        })
      ).ok,
    ).toBe(true);
    expect(await till.refuse('tab.refund', input, commandId)).toMatchObject({ code: 'approval_needed' });

    expect((await till.send('approval.grant', { command: 'tab.refund', commandId, input, approverId: mia.id, pin: '2222' })).ok).toBe(true);
    const done = await till.call('tab.refund', input, commandId);
    expect(done.receipt).toMatchObject({ staffName: 'Sam', approverName: 'Mia', amountMinor: 440 });
    expect(db.prepare('SELECT r.approved_by, je.approved_by AS entry_approver FROM refunds r JOIN journal_entries je ON je.id = r.entry_id').get()).toEqual({
      approved_by: mia.id,
      entry_approver: mia.id,
    });
    expect(db.prepare("SELECT approved_by FROM audit WHERE command = 'tab.refund'").get()).toEqual({ approved_by: mia.id });
    // The approval covered that refund once: another one asks again.
    expect(await till.refuse('tab.refund', { ...input, reason: 'again' })).toMatchObject({ code: 'approval_needed' });
  });

  it('a manager refunds alone', async () => {
    const { core, mia, tab } = await counter();
    const manager = windowClient(core, 3);
    await manager.signIn(mia.id, '2222');
    const done = await manager.call('tab.refund', { tabId: tab.id, mode: 'amount', amountMinor: 100, reason: 'slow' });
    expect(done.receipt).toMatchObject({ staffName: 'Mia', approverName: null, amountMinor: 100 });
  });
});
