import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorNote } from '../../components/ErrorNote';
import { Screen } from '../../components/Screen';
import { useShortcut } from '../../hooks/use-shortcut';
import { t } from '../../i18n/t';
import { CustomerForm } from './CustomerForm';
import { CustomerTiles } from './CustomerTiles';
import { useCustomerSearch } from './use-customer-search';
import './customers.css';

/** Find a customer by name or phone from one field, or add a new one. */
export function CustomersScreen() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const search = useCustomerSearch(query.trim());
  // `/` jumps to the search from anywhere on the screen, as on the board.
  useShortcut('/', (event) => {
    event.preventDefault();
    input.current?.focus();
    input.current?.select();
  });
  const results = search.results;
  const heading = query.trim() === '' ? t('customers.latest') : t('customers.results', { count: results?.length ?? 0 });
  return (
    <Screen
      title={t('customers.title')}
      back="/"
      className="customers"
      actions={
        <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
          {t('customers.new')}
        </button>
      }
    >
      <label className="field customers__search">
        <span>{t('customers.search')}</span>
        <input
          ref={input}
          type="search"
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-keyshortcuts="/"
          autoComplete="off"
          aria-describedby="customers-search-hint"
        />
        <span className="field__hint" id="customers-search-hint">
          {t('customers.searchHint')}
        </span>
      </label>
      <ErrorNote error={search.error ? t('customers.loadFailed', { message: search.error }) : null} />
      {results && (
        <section className="customers__results" aria-label={heading}>
          <h2 className="customers__heading">{heading}</h2>
          {results.length === 0 ? (
            <p className="customers__muted">{query.trim() === '' ? t('customers.empty') : t('customers.none', { query: query.trim() })}</p>
          ) : (
            <CustomerTiles customers={results} href={(c) => `/customers/${c.id}`} label={heading} />
          )}
        </section>
      )}
      {adding && (
        <CustomerForm
          onDone={(created) => {
            setAdding(false);
            if (created) navigate(`/customers/${created.id}`);
          }}
        />
      )}
    </Screen>
  );
}
