import type { PaperPreview, PrintOutcome } from '../../shared/paper/paper-doc';
import { t } from '../i18n/t';

/** Where a print went, in this PC's words. */
export function sentWords(outcome: PrintOutcome): string {
  const { target } = outcome;
  return target.kind === 'network' ? t('print.sent.network', { host: target.host, port: String(target.port) }) : t('print.sent.queue', { queue: target.queue });
}

/** "80 mm roll, 48 characters a line, as it prints". */
export function paperWords(preview: Pick<PaperPreview, 'paper' | 'columns'>): string {
  return t('print.preview.paper', { paper: t(`device.paper.${preview.paper}`), columns: preview.columns });
}
