import { useRef } from 'react';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { sortKeys, type SortKey } from './board-logic';

type Props = {
  query: string;
  onQuery: (query: string) => void;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
};

/** Find a tab by token or name, and choose the order of the cards. */
export function BoardToolbar({ query, onQuery, sort, onSort }: Props) {
  const field = useRef<HTMLInputElement>(null);
  useShortcut('/', (event) => {
    event.preventDefault();
    field.current?.focus();
    field.current?.select();
  });
  useShortcut(
    'Escape',
    (event) => {
      if (event.target !== field.current) return;
      onQuery('');
      field.current?.blur();
    },
    { inFields: true },
  );

  return (
    <div className="board-toolbar">
      <label className="field board-toolbar__filter">
        <span>{t('board.filterLabel')}</span>
        <input
          ref={field}
          type="search"
          value={query}
          placeholder={t('board.filterHint')}
          aria-keyshortcuts="/"
          onChange={(event) => onQuery(event.target.value)}
        />
      </label>
      <div className="board-toolbar__sort" role="group" aria-label={t('board.sortLabel')}>
        <span className="board-toolbar__sort-label" aria-hidden="true">
          {t('board.sortLabel')}
        </span>
        {sortKeys.map((key) => (
          <button
            key={key}
            type="button"
            className={`button ${sort === key ? 'button--primary' : 'button--ghost'}`}
            aria-pressed={sort === key}
            onClick={() => onSort(key)}
          >
            {t(`board.sort.${key}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
