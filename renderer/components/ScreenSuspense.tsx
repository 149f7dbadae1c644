import { Component, Suspense, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { t } from '../i18n/t';
import { ErrorNote } from './ErrorNote';
import { StartingScreen } from './StartingScreen';

/** Stands where a screen loaded on demand will be, under the nav bar, until its code is here. */
export function ScreenLoading() {
  return (
    <main className="screen" aria-busy="true">
      <p role="status">{t('common.loading')}</p>
    </main>
  );
}

type BoundaryProps = { at: string; children: ReactNode };
type BoundaryState = { at: string; error: string | null };

/**
 * A screen's code that could not be fetched (a web host updated since this page loaded it, a
 * dropped link) or a screen that failed to draw: said in its place with a reload, while the nav
 * bar above still leads elsewhere. Choosing another screen clears it.
 */
class ScreenBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { at: this.props.at, error: null };

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.at === state.at ? null : { at: props.at, error: null };
  }

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <main className="screen">
        <ErrorNote error={t('app.screenFailed', { error: this.state.error })} />
        <div>
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </button>
        </div>
      </main>
    );
  }
}

/** Around the routes: a loading line while a screen's code arrives, a way on if it never does. */
export function ScreenSuspense({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ScreenBoundary at={pathname}>
      <Suspense fallback={<ScreenLoading />}>{children}</Suspense>
    </ScreenBoundary>
  );
}

/**
 * Around a screen shown instead of the app and loaded on demand (the first run's setup, the
 * recovery screen): the starting frame while its code arrives, a reload if it never does.
 */
export function StartSuspense({ children }: { children: ReactNode }) {
  return (
    <ScreenBoundary at="start">
      <Suspense fallback={<StartingScreen />}>{children}</Suspense>
    </ScreenBoundary>
  );
}
