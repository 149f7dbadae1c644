import { Link } from 'react-router';
import { Screen } from '../../components/Screen';
import { t } from '../../i18n/t';
import './tab.css';

/** A tab id that leads nowhere: say so plainly and offer the way back. */
export function TabMissing({ detail }: { detail?: string | null }) {
  return (
    <Screen title={t('tabDetail.notFound')} back="/">
      {detail && <p className="tab-detail__muted">{detail.charAt(0).toUpperCase() + detail.slice(1)}</p>}
      <p>
        <Link className="button button--primary tab-detail__link-button" to="/">
          {t('tabDetail.backToBoard')}
        </Link>
      </p>
    </Screen>
  );
}

/** While the first answer is on its way. */
export function TabLoading({ back = '/' }: { back?: string }) {
  return (
    <Screen title={t('tabDetail.loading')} back={back}>
      <p className="tab-detail__muted">{t('common.loading')}</p>
    </Screen>
  );
}
