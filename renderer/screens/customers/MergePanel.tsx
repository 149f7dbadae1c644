import { useState, type FormEvent } from 'react';
import type { Customer } from '../../../shared/customer-types';
import { ErrorNote } from '../../components/ErrorNote';
import { FormActions } from '../../components/FormActions';
import { SidePanel } from '../../components/SidePanel';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { t } from '../../i18n/t';
import { CustomerTiles } from './CustomerTiles';
import { useCustomerSearch } from './use-customer-search';

type Props = { customer: Customer; onCancel: () => void; onMerged: (keepId: number) => void };

/** A duplicate made by mistake: find the profile to keep, confirm, and this one points at it. */
export function MergePanel({ customer, onCancel, onMerged }: Props) {
  const merge = useCommand('customer.merge');
  const [query, setQuery] = useState('');
  const [keep, setKeep] = useState<Customer | null>(null);
  const search = useCustomerSearch(query.trim());
  useEscapeFirst(() => (keep ? setKeep(null) : onCancel()), true);
  const others = (search.results ?? []).filter((c) => c.id !== customer.id);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!keep) return;
    if (await merge.run({ keepId: keep.id, mergeId: customer.id })) onMerged(keep.id);
  };
  return (
    <SidePanel titleId="customer-merge-title" onSubmit={(e) => void submit(e)} className="customer-merge">
      <h2 id="customer-merge-title" className="panel__heading">
        {t('customers.merge.title')}
      </h2>
      <p className="customers__muted">{t('customers.merge.hint', { name: customer.name })}</p>
      {keep ? (
        <>
          <p className="customer-merge__confirm">{t('customers.merge.confirm', { name: customer.name, keep: keep.name })}</p>
          <ErrorNote error={merge.error} />
          <FormActions confirm={t('customers.merge.do')} pending={merge.pending} onCancel={() => setKeep(null)} danger />
        </>
      ) : (
        <>
          <label className="field">
            <span>{t('customers.merge.search')}</span>
            <input type="search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
          </label>
          <ErrorNote error={search.error} />
          <CustomerTiles customers={others} onPick={setKeep} pickLabel={(c) => t('customers.merge.pick', { name: c.name })} label={t('customers.found')} />
          <div className="form-actions">
            <button type="button" className="button button--ghost" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </SidePanel>
  );
}
