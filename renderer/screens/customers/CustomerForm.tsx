import { useState, type FormEvent } from 'react';
import type { Customer } from '../../../shared/customer-types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { FormActions } from '../../components/FormActions';
import { SidePanel } from '../../components/SidePanel';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { t } from '../../i18n/t';
import './customers.css';

const FIELDS = ['name', 'phone', 'email', 'notes', 'contactOk'] as const;

type Props = {
  /** The profile to edit; none adds a new one. */
  customer?: Customer;
  onDone: (customer: Customer | null) => void;
};

/** A new customer, or a profile's details: the name is required, the rest optional; errors show beside their field. */
export function CustomerForm({ customer, onDone }: Props) {
  const create = useCommand('customer.create');
  const update = useCommand('customer.update');
  const command = customer ? update : create;
  const [name, setName] = useState(customer?.name ?? '');
  const [phone, setPhone] = useState(customer?.phone ?? '');
  const [email, setEmail] = useState(customer?.email ?? '');
  const [notes, setNotes] = useState(customer?.notes ?? '');
  const [contactOk, setContactOk] = useState(customer?.contactOk ?? false);
  useEscapeFirst(() => onDone(null), true);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const fields = { name, phone, email, notes, contactOk };
    const saved = customer ? await update.run({ customerId: customer.id, ...fields }) : await create.run(fields);
    if (saved) onDone(saved);
  };
  const field = (key: (typeof FIELDS)[number]) => errorFor(command.error, [key]);
  const invalid = (key: (typeof FIELDS)[number]) => (field(key) ? true : undefined);
  return (
    <SidePanel titleId="customer-form-title" onSubmit={(e) => void submit(e)} className="customer-form">
      <h2 id="customer-form-title" className="panel__heading">
        {customer ? t('customers.form.editTitle') : t('customers.form.newTitle')}
      </h2>
      <label className="field">
        <span>{t('customers.form.name')}</span>
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-invalid={invalid('name')} autoComplete="off" />
      </label>
      <ErrorNote error={field('name')} />
      <label className="field">
        <span>{t('customers.form.phone')}</span>
        <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} aria-invalid={invalid('phone')} autoComplete="off" />
      </label>
      <ErrorNote error={field('phone')} />
      <label className="field">
        <span>{t('customers.form.email')}</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={invalid('email')} autoComplete="off" />
      </label>
      <ErrorNote error={field('email')} />
      <label className="field">
        <span>{t('customers.form.notes')}</span>
        <textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <ErrorNote error={field('notes')} />
      <label className="customer-form__check">
        <input type="checkbox" checked={contactOk} onChange={(e) => setContactOk(e.target.checked)} />
        <span>{t('customers.form.contactOk')}</span>
      </label>
      <ErrorNote error={errorElsewhere(command.error, FIELDS)} />
      <FormActions confirm={customer ? t('common.save') : t('customers.form.create')} pending={command.pending} onCancel={() => onDone(null)} />
    </SidePanel>
  );
}
