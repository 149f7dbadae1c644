import { Fragment, useState } from 'react';
import type { BackupInfo, RestoreResult } from '../../../shared/closing-types';
import { ErrorNote } from '../../components/ErrorNote';
import { useCommand } from '../../hooks/use-command';
import { useEscapeFirst } from '../../hooks/use-escape-first';
import { formatWhen, type WhenPlace } from '../../hooks/use-when';
import { t } from '../../i18n/t';
import { chainHeadText, formatEntry, formatSize, reasonText } from './backup-format';

type Props = { backups: BackupInfo[]; place: WhenPlace };

/** Every backup in the folder, newest first; Restore… asks once, saying what will happen. */
export function BackupList({ backups, place }: Props) {
  const restore = useCommand('backup.restore');
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<{ result: RestoreResult; at: string } | null>(null);
  useEscapeFirst(() => setConfirming(null), confirming !== null);

  const confirm = async (backup: BackupInfo): Promise<void> => {
    const result = await restore.run({ name: backup.name });
    if (!result) return;
    setConfirming(null);
    setRestored({ result, at: backup.at });
  };

  return (
    <section className="panel" aria-labelledby="backup-list-heading">
      <h2 id="backup-list-heading" className="panel__heading">
        {t('backup.listHeading')}
      </h2>
      <p role="status" className="backup__done">
        {restored && t('backup.restored', { when: formatWhen(restored.at, place), file: restored.result.keptAside })}
      </p>
      {backups.length === 0 ? (
        <p>{t('backup.listEmpty')}</p>
      ) : (
        <table className="backup__table">
          <thead>
            <tr>
              <th scope="col">{t('backup.col.when')}</th>
              <th scope="col">{t('backup.col.reason')}</th>
              <th scope="col">{t('backup.col.size')}</th>
              <th scope="col">{t('backup.col.checked')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backup.col.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => {
              const when = formatWhen(backup.at, place);
              const open = confirming?.name === backup.name;
              return (
                <Fragment key={backup.name}>
                  <tr data-backup={backup.name}>
                    <td className="backup__when">{when}</td>
                    <td>{reasonText(backup.reason)}</td>
                    <td>{formatSize(backup.sizeBytes, place.locale)}</td>
                    <td>
                      <span className={backup.verified ? 'backup__ok' : 'backup__warn'}>{backup.verified ? t('backup.checked') : t('backup.unchecked')}</span>
                      {/* How far the copy reaches, under its check: a column of its own would not fit half of a 1280 px screen. */}
                      <span
                        className="backup__chain"
                        title={
                          backup.chain ? t('backup.chainHeadFull', { seq: formatEntry(backup.chain.seq, place.locale), hash: backup.chain.hash }) : undefined
                        }
                      >
                        {backup.chain ? <ChainHead chain={backup.chain} locale={place.locale} /> : t('backup.chainNone')}
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--ghost"
                        aria-label={t('backup.restoreLabel', { when })}
                        aria-expanded={open}
                        onClick={() => {
                          restore.clearError();
                          setConfirming(open ? null : backup);
                        }}
                      >
                        {t('backup.restore')}
                      </button>
                    </td>
                  </tr>
                  {open && (
                    <tr className="backup__confirm-row">
                      <td colSpan={5}>
                        <ConfirmRestore when={when} pending={restore.pending} onConfirm={() => void confirm(backup)} onCancel={() => setConfirming(null)} />
                        <ErrorNote error={restore.error} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ConfirmRestore(props: { when: string; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="backup__confirm" role="group" aria-labelledby="backup-confirm-heading">
      <h3 id="backup-confirm-heading" className="panel__heading">
        {t('backup.confirmHeading', { when: props.when })}
      </h3>
      <p>{t('backup.confirmBody', { when: props.when })}</p>
      <div className="backup__actions">
        <button type="button" className="button button--danger" disabled={props.pending} onClick={props.onConfirm}>
          {props.pending ? t('backup.restoring') : t('backup.confirm')}
        </button>
        <button type="button" className="button button--ghost" onClick={props.onCancel} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/** "entry 4,160 · 3f2a…9c1d", breaking only after the "·" when the column is narrow. */
function ChainHead({ chain, locale }: { chain: { seq: number; hash: string }; locale?: string }) {
  const text = chainHeadText(chain, locale);
  const cut = text.lastIndexOf(' ');
  return (
    <>
      <span className="backup__chain-part">{text.slice(0, cut)}</span> <span className="backup__chain-part">{text.slice(cut + 1)}</span>
    </>
  );
}
