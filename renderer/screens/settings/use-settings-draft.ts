import { describeError } from '../../i18n/describe-error';
import { useState } from 'react';
import type { LoyaltySettings } from '../../../shared/loyalty-types';
import type { StoreSettings } from '../../../shared/types';
import { previewMoney } from '../../format/money-preview';
import { useCommand } from '../../hooks/use-command';
import { t } from '../../i18n/t';
import { loyaltyFields } from '../loyalty/loyalty-draft';
import { buildUpdate, changedKeys, formOf, placeServerError, rebase, type FieldProblem, type FormKey, type SettingsForm } from './settings-form';

/** `held` is the loyalty setting behind `base`: the figures a scheme does not use fall back to it. */
type DraftState = { store: StoreSettings; base: SettingsForm; held: LoyaltySettings; draft: SettingsForm };
export type SaveStatus = 'idle' | 'saved' | 'nothing';

export type SettingsDraft = {
  draft: SettingsForm;
  /** The loyalty setting the store holds (what the form started from). */
  held: LoyaltySettings;
  changed: FormKey[];
  set: <K extends FormKey>(key: K, value: SettingsForm[K]) => void;
  undo: () => void;
  save: () => Promise<void>;
  pending: boolean;
  status: SaveStatus;
  /** The words to show next to a field ("name", "taxRates.0.rateMilli"), if any. */
  errorAt: (key: string) => string | null;
  /** A refusal that belongs to no field the form shows: shown by the Save button. */
  generalError: string | null;
};

function words(problem: FieldProblem): string {
  return 'text' in problem ? problem.text : t(problem.key, problem.vars);
}

/**
 * The form's state over the live store: edits stay local until saved; a change made elsewhere
 * updates only the fields the person has not touched.
 */
export function useSettingsDraft(store: StoreSettings): SettingsDraft {
  const [state, setState] = useState<DraftState>(() => ({ store, base: formOf(store), held: store.loyalty, draft: formOf(store) }));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const command = useCommand('store.update');

  if (state.store !== store) {
    // Adjusting state while rendering (React's pattern for "props changed") avoids a frame
    // where the form shows stale values.
    const base = formOf(store);
    setState({ store, base, held: store.loyalty, draft: rebase(state.draft, state.base, base) });
  }

  const set = <K extends FormKey>(key: K, value: SettingsForm[K]): void => {
    setState((s) => ({ ...s, draft: { ...s.draft, [key]: value } }));
    setStatus('idle');
    command.clearError();
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== key && !k.startsWith(`${key}.`))));
  };

  const undo = (): void => {
    setState((s) => ({ ...s, draft: s.base }));
    setProblems({});
    command.clearError();
    setStatus('idle');
  };

  const save = async (): Promise<void> => {
    const sent = state.draft;
    const built = buildUpdate(sent, state.base, previewMoney(state.store, sent.currency, sent.locale), state.held);
    if (!built.ok) {
      setProblems(Object.fromEntries(Object.entries(built.problems).map(([k, p]) => [k, words(p)])));
      return;
    }
    setProblems({});
    if (built.changed.length === 0) {
      setStatus('nothing');
      return;
    }
    const saved = await command.run(built.update);
    if (!saved) return;
    const base = formOf(saved);
    setState((s) => ({ ...s, base, held: saved.loyalty, draft: rebase(s.draft, sent, base) }));
    setStatus('saved');
  };

  const shown = [
    ...(Object.keys(state.draft) as string[]),
    ...state.draft.taxRates.flatMap((_, i) => [`taxRates.${i}.label`, `taxRates.${i}.rateMilli`]),
    ...state.draft.openingHours.flatMap((_, i) => [`openingHours.${i}.open`, `openingHours.${i}.close`]),
    ...['fixedMinor', 'percent', 'freeCancelHours', 'forfeitPercent'].map((k) => `depositPolicy.${k}`),
    // Only the figures of the scheme on screen: a refusal of a hidden one lands on the section.
    ...loyaltyFields(state.draft.loyalty.scheme),
  ];
  const serverAt = command.error ? placeServerError(command.error.field, shown) : null;
  const errorAt = (key: string): string | null => problems[key] ?? (command.error && serverAt === key ? describeError(command.error) : null);

  return {
    draft: state.draft,
    held: state.held,
    changed: changedKeys(state.draft, state.base),
    set,
    undo,
    save,
    pending: command.pending,
    status,
    errorAt,
    // Client problems sit by their fields, possibly scrolled away: say so by the Save button.
    generalError: Object.keys(problems).length > 0 ? t('settings.fixFields') : command.error && serverAt === null ? describeError(command.error) : null,
  };
}
