import { useState } from 'react';
import { Link } from 'react-router';
import type { TabDetail } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { useMay } from '../../hooks/current-staff';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { t } from '../../i18n/t';
import { CustomerTiles } from './CustomerTiles';
import { useCustomerSearch } from './use-customer-search';
import './customers.css';

/** The tab's customer: who is attached, and on an open tab a search to attach, change or detach one. */
export function TabCustomer({ tab }: { tab: TabDetail }) {
  const setCustomer = useCommand('tab.setCustomer');
  const mayWrite = useMay('customers.write');
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const search = useCustomerSearch(query.trim(), searching);
  useEscapeFirst(() => setSearching(false), searching);
  const editable = tab.status === 'open' && mayWrite;
  const attach = async (customerId: number | null): Promise<void> => {
    if (await setCustomer.run({ tabId: tab.id, customerId })) {
      setSearching(false);
      setQuery('');
    }
  };
  if (!editable && tab.customerId === null) return null;
  return (
    <section className="panel tab-detail__panel tab-customer" aria-labelledby="tab-customer-heading">
      <h2 id="tab-customer-heading" className="tab-detail__heading">
        {t('customers.tab.heading')}
      </h2>
      {tab.customerId !== null ? (
        <>
          <span className="tab-customer__name" data-testid="tab-customer-name">
            {tab.customerName}
          </span>
          <Link className="button button--ghost" to={`/customers/${tab.customerId}`}>
            {t('customers.tab.open')}
          </Link>
        </>
      ) : (
        <span className="tab-detail__muted">{t('customers.tab.none')}</span>
      )}
      {editable && !searching && (
        <button type="button" className="button button--ghost" onClick={() => setSearching(true)}>
          {tab.customerId === null ? t('customers.tab.attach') : t('customers.tab.change')}
        </button>
      )}
      {editable && tab.customerId !== null && !searching && (
        <button type="button" className="button button--ghost" disabled={setCustomer.pending} onClick={() => void attach(null)}>
          {t('customers.tab.detach')}
        </button>
      )}
      {searching && (
        <div className="tab-customer__search">
          <label className="field">
            <span>{t('customers.tab.search')}</span>
            <input type="search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
          </label>
          <ErrorNote error={search.error} />
          <CustomerTiles
            customers={(search.results ?? []).filter((c) => c.id !== tab.customerId)}
            onPick={(c) => void attach(c.id)}
            pickLabel={(c) => t('customers.tab.pick', { name: c.name })}
            label={t('customers.found')}
          />
          <p className="tab-detail__muted">{t('customers.tab.newHint')}</p>
          <div>
            <button type="button" className="button button--ghost" onClick={() => setSearching(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorNote error={setCustomer.error} />
    </section>
  );
}
