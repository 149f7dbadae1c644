import type { CommandName } from '../../shared/contract';

/**
 * Which committed commands move cash through the drawer, so a printer that drives it kicks it
 * open: a cash payment, a deposit taken in cash (at booking or later), a paid in or out, and cash
 * given back (a deposit refunded in cash, a refund with a cash part). Read from the command's
 * input and answer; nothing here touches the ledger.
 */
export function drawerOpensFor(name: CommandName, input: unknown, value: unknown): boolean {
  switch (name) {
    case 'settle.pay':
      return (value as { payment?: { method?: string } }).payment?.method === 'cash';
    case 'appointment.book':
      return (input as { deposit?: { method?: string } | null }).deposit?.method === 'cash';
    case 'appointment.takeDeposit':
      return (input as { method?: string }).method === 'cash';
    case 'drawer.move':
      return true;
    case 'deposit.refund': {
      const deposit = value as { method?: string; refundedMinor?: number };
      return deposit.method === 'cash' && (deposit.refundedMinor ?? 0) > 0;
    }
    case 'tab.refund': {
      const tenders = (value as { receipt?: { tenders?: { method?: string; givenMinor?: number }[] } }).receipt?.tenders ?? [];
      return tenders.some((t) => t.method === 'cash' && (t.givenMinor ?? 0) > 0);
    }
    default:
      return false;
  }
}

/** The tab a committed command settled, whose receipt prints by itself when this PC asks for it. */
export function settledTabOf(name: CommandName, value: unknown): number | null {
  if (name === 'settle.pay') {
    const result = value as { settled?: boolean; tab?: { id?: number } };
    return result.settled === true && typeof result.tab?.id === 'number' ? result.tab.id : null;
  }
  if (name === 'deposit.apply') {
    const tab = value as { id?: number; status?: string };
    return tab.status === 'settled' && typeof tab.id === 'number' ? tab.id : null;
  }
  return null;
}
