import type { FormEvent } from 'react';
import type { Customer } from '../../../shared/customer-types';
import { ErrorNote } from '../../components/ErrorNote';
import { FormActions } from '../../components/FormActions';
import { SidePanel } from '../../components/SidePanel';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { t } from '../../i18n/t';

/** Erasing on request, said plainly before it is done: what goes, and what stays. */
export function ErasePanel({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const erase = useCommand('customer.erase');
  useEscapeFirst(onDone, true);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await erase.run({ customerId: customer.id })) onDone();
  };
  return (
    <SidePanel titleId="customer-erase-title" onSubmit={(e) => void submit(e)}>
      <h2 id="customer-erase-title" className="panel__heading">
        {t('customers.erase.title')}
      </h2>
      <p>{t('customers.erase.what')}</p>
      <p>{t('customers.erase.stays')}</p>
      <ErrorNote error={erase.error} />
      <FormActions confirm={t('customers.erase.do')} pending={erase.pending} onCancel={onDone} danger />
    </SidePanel>
  );
}
