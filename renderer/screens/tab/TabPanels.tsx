import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { TabDetail } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { errorElsewhere, errorFor } from '../../components/field-error';
import { useCommand } from '../../hooks/use-command';
import { t } from '../../i18n/t';
import { FormActions } from '../../components/FormActions';

/** Name, label and notes, edited in place; Enter saves. */
export function TabDetailsForm({ tab, onDone }: { tab: TabDetail; onDone: () => void }) {
  const update = useCommand('tab.update');
  const [name, setName] = useState(tab.name);
  const [label, setLabel] = useState(tab.label);
  const [note, setNote] = useState(tab.note);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await update.run({ tabId: tab.id, name, label, note })) onDone();
  };
  return (
    <form className="panel tab-detail__panel tab-detail__form" onSubmit={(e) => void submit(e)} aria-label={t('tabDetail.edit')}>
      <label className="field">
        <span>{t('tabDetail.name')}</span>
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <ErrorNote error={errorFor(update.error, ['name'])} />
      <label className="field">
        <span>{t('tabDetail.label')}</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <ErrorNote error={errorFor(update.error, ['label'])} />
      <label className="field tab-detail__wide">
        <span>{t('tabDetail.note')}</span>
        <textarea
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            // Enter saves like every other form here; Shift+Enter starts a new line.
            if (e.key === 'Enter' && !e.shiftKey) void submit(e);
          }}
        />
      </label>
      <ErrorNote error={errorFor(update.error, ['note'])} />
      <ErrorNote error={errorElsewhere(update.error, ['name', 'label', 'note'])} />
      <FormActions className="tab-detail__form-actions" confirm={t('common.save')} pending={update.pending} onCancel={onDone} />
    </form>
  );
}

/** A walkout writes the rest due off as unpaid; it always needs a reason. */
export function WalkoutPanel({ tab, due, onCancel }: { tab: TabDetail; due: string; onCancel: () => void }) {
  const writeOff = useCommand('tab.writeOff');
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await writeOff.run({ tabId: tab.id, reason })) navigate('/');
  };
  return (
    <form className="panel tab-detail__panel tab-detail__walkout" onSubmit={(e) => void submit(e)} aria-labelledby="walkout-heading">
      <h2 id="walkout-heading" className="tab-detail__heading">
        {t('tabDetail.walkoutHeading', { token: tab.token })}
      </h2>
      <p>{t('tabDetail.walkoutExplain', { amount: due })}</p>
      <label className="field">
        <span>{t('tabDetail.walkoutReason')}</span>
        <input autoFocus value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={writeOff.error !== null} />
      </label>
      <ErrorNote error={writeOff.error} />
      <FormActions
        className="tab-detail__form-actions"
        confirm={t('tabDetail.walkoutConfirm', { amount: due })}
        pending={writeOff.pending}
        onCancel={onCancel}
        danger
      />
    </form>
  );
}
