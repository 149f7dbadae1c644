import type { AppointmentDetail } from '../salon-types';
import type { StoreSettings } from '../types';
import { PaperWriter, type PaperDoc } from './paper-doc';
import type { PaperTools } from './paper-tools';
import { cancelPolicyWords, methodWords, minuteWords } from './paper-words';

/**
 * The booking confirmation as its screen shows it, in the store's language: who and when, each
 * service with how long it takes and what to expect, the deposit paid and the cancellation policy.
 */
export function confirmationDoc(a: AppointmentDetail, store: StoreSettings, p: PaperTools): PaperDoc {
  const w = new PaperWriter();
  const paid = a.deposits.filter((d) => d.appointmentId === a.id);
  w.center(store.name, { bold: true, size: 2 });
  w.center(p.tr('salon.confirm.title'), { bold: true });
  w.blank();
  w.text(p.tr('salon.confirm.client', { name: a.customerName }));
  w.text(p.tr('salon.confirm.when', { date: p.date(a.date), start: minuteWords(a.startMinute), end: minuteWords(a.endMinute) }), { bold: true });
  w.text(p.tr('salon.confirm.with', { name: a.staffName }));
  if (a.status !== 'booked' && a.status !== 'checked_in') w.text(p.tr('salon.confirm.status', { status: p.tr(`salon.status.${a.status}`) }), { bold: true });
  w.heading(p.tr('salon.confirm.services'));
  for (const service of a.services) {
    w.row(service.name, p.tr('salon.confirm.duration', { minutes: service.durationMinutes }));
    if (service.expectText) w.text(service.expectText, { indent: 2 });
  }
  w.rule();
  if (paid.length === 0) w.text(p.tr('salon.confirm.noDeposit'));
  for (const d of paid) w.text(p.tr('salon.confirm.deposit', { amount: p.money(d.amountMinor), method: methodWords(d.method, p) }));
  if (a.policy.mode !== 'none' || paid.length > 0) w.text(cancelPolicyWords(a.policy, p));
  if (store.payAfterTerms) w.blank().text(store.payAfterTerms);
  return w.doc();
}
