import type { StoreSettings, TabDetail } from '../types';
import { PaperWriter, type PaperDoc } from './paper-doc';
import type { PaperTools } from './paper-tools';
import { writeHead, writeReceiptNumber } from './paper-words';

/** The token slip as its screen shows it: the head, the token large, who and when, what to expect of each service, the terms. */
export function slipDoc(tab: TabDetail, store: StoreSettings, p: PaperTools): PaperDoc {
  const w = new PaperWriter();
  writeHead(w, store, p);
  writeReceiptNumber(w, tab, p);
  w.blank();
  w.center(p.tr('slip.tokenLabel'));
  w.center(String(tab.token), { bold: true, size: 2 });
  const who = [tab.name, tab.label].filter(Boolean).join(' · ');
  if (who) w.center(who);
  w.center(p.tr('slip.opened', { time: p.when(tab.openedAt) }));
  const services = tab.lines.filter((line) => line.state === 'active' && line.expectText !== '');
  if (services.length > 0) {
    w.heading(p.tr('slip.expectHeading'));
    for (const line of services) {
      w.text(line.name, { bold: true });
      w.text(line.expectText, { indent: 2 });
    }
  }
  if (store.payAfterTerms) w.blank().text(store.payAfterTerms);
  return w.doc();
}
