import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Customer, CustomerProfile } from '../../../shared/customer-types';
import type { Result } from '../../../shared/errors';
import type { StoreSettings } from '../../../shared/types';
import { api } from '../../api';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useMay } from '../../hooks/current-staff';
import { useCommand } from '../../hooks/use-command';
import { useStore } from '../../hooks/use-live-data';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useMoney } from '../../hooks/use-money';
import { useWhen } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { CustomerAppointments } from '../appointments/CustomerAppointments';
import { CustomerLoyalty } from '../loyalty/CustomerLoyalty';
import { CustomerForm } from './CustomerForm';
import { ErasePanel } from './ErasePanel';
import { MergePanel } from './MergePanel';
import { VisitsTable } from './VisitsTable';
import './customers.css';

const loaders = new Map<number, () => Promise<Result<CustomerProfile>>>();
function loaderFor(customerId: number) {
  let load = loaders.get(customerId);
  if (!load) {
    load = () => api['customer.get']({ customerId });
    loaders.set(customerId, load);
  }
  return load;
}

/** One customer: their details (editable), their visits, and for a manager: archive, merge, erase. */
export function CustomerPage() {
  const { customerId } = useParams();
  const id = Number(customerId);
  const valid = Number.isSafeInteger(id) && id > 0;
  const profile = useLiveQuery(loaderFor(valid ? id : 0), ['customers.changed', 'tabs.changed']);
  const store = useStore();
  if (!profile.data || !store.data) {
    return (
      <Screen title={t('customers.title')} back="/customers">
        {profile.error ? (
          <ErrorNote error={t('customers.page.missing', { message: profile.error })} />
        ) : (
          <p className="customers__muted">{t('customers.page.loading')}</p>
        )}
      </Screen>
    );
  }
  return <CustomerView key={profile.data.customer.id} profile={profile.data} store={store.data} />;
}

type Panel = 'edit' | 'merge' | 'erase' | null;

function CustomerView({ profile, store }: { profile: CustomerProfile; store: StoreSettings }) {
  const { customer, visits } = profile;
  const navigate = useNavigate();
  const money = useMoney(store);
  const when = useWhen(store);
  const archive = useCommand('customer.archive');
  const [panel, setPanel] = useState<Panel>(null);
  const close = useCallback(() => setPanel(null), []);
  const manages = useMay('customers.manage');
  const seesBook = useMay('appointments.read');
  const live = customer.erasedAt === null && customer.mergedInto === null;

  const actions = (
    <>
      {live && (
        <button type="button" className="button button--primary" onClick={() => setPanel('edit')}>
          {t('customers.page.edit')}
        </button>
      )}
      {manages && customer.mergedInto === null && (
        <button
          type="button"
          className="button button--ghost"
          disabled={archive.pending}
          onClick={() => void archive.run({ customerId: customer.id, archived: customer.archivedAt === null })}
        >
          {customer.archivedAt === null ? t('customers.page.archive') : t('customers.page.restore')}
        </button>
      )}
      {manages && live && (
        <button type="button" className="button button--ghost" onClick={() => setPanel('merge')}>
          {t('customers.page.mergeInto')}
        </button>
      )}
      {manages && customer.erasedAt === null && customer.mergedInto === null && (
        <button type="button" className="button button--danger" onClick={() => setPanel('erase')}>
          {t('customers.page.erase')}
        </button>
      )}
    </>
  );

  return (
    <Screen title={customer.name} back="/customers" actions={actions} className="customer-page">
      <ErrorNote error={archive.error} />
      <CustomerState customer={customer} when={when.format} />
      <section className="panel" aria-labelledby="customer-details-heading">
        <h2 id="customer-details-heading" className="panel__heading">
          {t('customers.page.details')}
        </h2>
        <dl className="customer-details">
          <dt>{t('customers.page.phone')}</dt>
          <dd>{customer.phone ?? t('customers.page.none')}</dd>
          <dt>{t('customers.page.email')}</dt>
          <dd>{customer.email ?? t('customers.page.none')}</dd>
          <dt>{t('customers.page.contact')}</dt>
          <dd>{customer.contactOk ? t('customers.page.contactYes') : t('customers.page.contactNo')}</dd>
          <dt>{t('customers.page.notes')}</dt>
          <dd className="customer-details__notes">{customer.notes ?? t('customers.page.none')}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="customer-visits-heading">
        <h2 id="customer-visits-heading" className="panel__heading">
          {t('customers.visits.heading')}
        </h2>
        <VisitsTable visits={visits} format={money.format} locale={store.locale} />
      </section>
      <CustomerLoyalty customerId={customer.id} store={store} />
      {seesBook && <CustomerAppointments customerId={customer.id} store={store} live={live} />}
      {panel === 'edit' && <CustomerForm customer={customer} onDone={close} />}
      {panel === 'merge' && <MergePanel customer={customer} onCancel={close} onMerged={(keepId) => navigate(`/customers/${keepId}`)} />}
      {panel === 'erase' && <ErasePanel customer={customer} onDone={close} />}
    </Screen>
  );
}

/** Why this profile is not an ordinary one: archived, erased or merged away. */
function CustomerState({ customer, when }: { customer: Customer; when: (at: string) => string }) {
  if (customer.mergedInto !== null) {
    return (
      <p className="customer-page__state">
        {t('customers.page.merged')} <Link to={`/customers/${customer.mergedInto}`}>{t('customers.page.openMerged')}</Link>
      </p>
    );
  }
  if (customer.erasedAt !== null) return <p className="customer-page__state">{t('customers.page.erased', { when: when(customer.erasedAt) })}</p>;
  if (customer.archivedAt !== null) return <p className="customer-page__state">{t('customers.page.archived', { when: when(customer.archivedAt) })}</p>;
  return null;
}
