import { useState } from 'react';
import type { Category } from '../../../shared/types';
import { ErrorNote } from '../../components/ErrorNote';
import { describedBy } from '../../components/field-error';
import { useCommand } from '../../hooks/use-command';
import { t } from '../../i18n/t';

/** Add, rename and archive categories; each refusal shows beside the control that sent it. */
export function CategoryPanel({ categories }: { categories: Category[] }) {
  const create = useCommand('catalog.createCategory');
  const [name, setName] = useState('');

  const add = async (): Promise<void> => {
    const created = await create.run({ name: name.trim() });
    if (created) setName('');
  };

  return (
    <section className="panel category-panel" aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('catalog.categories')}</h2>
      <form
        className="category-panel__add"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div className="field">
          <label htmlFor="category-new">{t('catalog.categoryName')}</label>
          <input
            id="category-new"
            autoComplete="off"
            maxLength={60}
            value={name}
            {...describedBy('category-new', create.error)}
            onChange={(e) => {
              setName(e.target.value);
              create.clearError();
            }}
          />
          <ErrorNote error={create.error} id="category-new-error" />
        </div>
        <button type="submit" className="button button--primary" disabled={create.pending}>
          {t('catalog.addCategory')}
        </button>
      </form>
      {categories.length === 0 ? (
        <p className="category-panel__none">{t('catalog.noCategories')}</p>
      ) : (
        <ul className="card-list">
          {categories.map((category) => (
            <CategoryRow key={category.id} category={category} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CategoryRow({ category }: { category: Category }) {
  const rename = useCommand('catalog.updateCategory');
  const archive = useCommand('catalog.updateCategory');
  const [editing, setEditing] = useState<string | null>(null);
  const inputId = `category-${category.id}-name`;

  const saveName = async (): Promise<void> => {
    if (editing === null) return;
    const saved = await rename.run({ categoryId: category.id, name: editing.trim() });
    if (saved) setEditing(null);
  };

  if (editing !== null) {
    return (
      <li className="category-row">
        <form
          className="category-row__rename"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void saveName();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            // Esc leaves the rename, not the screen.
            e.preventDefault();
            e.stopPropagation();
            setEditing(null);
            rename.clearError();
          }}
        >
          <input
            id={inputId}
            aria-label={t('catalog.renameTo', { name: category.name })}
            autoFocus
            autoComplete="off"
            maxLength={60}
            value={editing}
            {...describedBy(inputId, rename.error)}
            onChange={(e) => {
              setEditing(e.target.value);
              rename.clearError();
            }}
          />
          <button type="submit" className="button button--primary" disabled={rename.pending}>
            {t('common.save')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setEditing(null)}>
            {t('common.cancel')}
          </button>
        </form>
        <ErrorNote error={rename.error} id={`${inputId}-error`} />
      </li>
    );
  }

  return (
    <li className="category-row" aria-label={category.name}>
      <span className="category-row__name">{category.name}</span>
      {/* The two buttons move as one: beside the name when it fits, together on the next line when not. */}
      <span className="category-row__actions">
        <button
          type="button"
          className="button button--ghost"
          aria-label={t('catalog.renameLabel', { name: category.name })}
          onClick={() => setEditing(category.name)}
        >
          {t('catalog.rename')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={t('catalog.archiveLabel', { name: category.name })}
          disabled={archive.pending}
          onClick={() => void archive.run({ categoryId: category.id, archived: true })}
        >
          {t('catalog.archive')}
        </button>
      </span>
      <ErrorNote error={archive.error} />
    </li>
  );
}
