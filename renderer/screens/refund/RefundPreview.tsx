import type { RefundQuote } from '../../../shared/refund-types';
import { Figures, type FigureRow } from '../../components/Figures';
import type { MessageKey } from '../../i18n/t';
import { t } from '../../i18n/t';

const tenderKeys = { cash: 'refund.preview.cash', card: 'refund.preview.card', other: 'refund.preview.other' } as const satisfies Record<string, MessageKey>;

/**
 * What goes back, and how, as the ledger priced this very refund: each tender's money (cash out of
 * the drawer, a refund to do on the card terminal), the bill part and the tax in it, the tips and
 * whose they were, and what is left to refund after it. Nothing here is added up.
 */
export function RefundPreview({ quote, pending, format }: { quote: RefundQuote | null; pending: boolean; format: (minor: number) => string }) {
  return (
    <section className="refund__preview" aria-labelledby="refund-preview-heading" aria-busy={pending}>
      <h3 id="refund-preview-heading" className="refund__preview-heading">
        {t('refund.preview')}
      </h3>
      {quote === null ? (
        pending && <p className="field__hint">{t('refund.previewLoading')}</p>
      ) : (
        <>
          <Figures label={t('refund.preview')} rows={rows(quote, format)} />
          <p className="field__hint">{t('refund.preview.left', { amount: format(quote.leftAfterMinor) })}</p>
        </>
      )}
    </section>
  );
}

function rows(quote: RefundQuote, format: (minor: number) => string): FigureRow[] {
  const out: FigureRow[] = quote.tenders.map((tender): FigureRow => [t(tenderKeys[tender.method]), format(tender.givenMinor), 'figures__row--strong']);
  const rounding = quote.tenders.reduce((s, tender) => s + tender.roundingMinor, 0);
  if (rounding !== 0) out.push([t('refund.preview.rounding'), format(-rounding)]);
  if (quote.amountMinor > 0) out.push([t('refund.preview.bill'), format(quote.amountMinor)], [t('refund.preview.tax'), format(quote.taxMinor)]);
  if (quote.tipMinor > 0) {
    const whose = quote.tips.map((tip) => t('refund.preview.tipShare', { name: tip.staffName, amount: format(tip.tipMinor) })).join(', ');
    out.push([t('refund.preview.tips'), whose]);
  }
  if (quote.tenders.length > 1) out.push([t('refund.preview.total'), format(quote.givenMinor), 'figures__row--strong']);
  return out;
}
