import { Suspense, lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Skeleton } from 'antd';
import { currentSession } from './auth/session';
import { ConsoleLayout } from './layout/ConsoleLayout';

type LazyPage = LazyExoticComponent<ComponentType>;

// Every page is its own chunk: the first load carries only the shell.
/** Pages anyone may open, signed in or not. */
const OPEN_PAGES: [path: string, page: LazyPage][] = [
  ['/login', lazy(() => import('./pages/SignInPage'))],
  // The OpenID provider's redirect back (OIDC_REDIRECT_PATH lies under /login/).
  ['/login/*', lazy(() => import('./pages/OidcCallbackPage'))],
  ['/public', lazy(() => import('./pages/PublicDecisionsPage'))],
];

/** Pages behind sign-in, inside the console's frame. Which of them a user sees in the menu is the layout's NAV. */
const SIGNED_IN_PAGES: [path: string, page: LazyPage][] = [
  ['/', lazy(() => import('./pages/DeskPage'))],
  ['/cases', lazy(() => import('./pages/CaseListPage'))],
  ['/cases/:caseId', lazy(() => import('./pages/CaseDetailPage'))],
  ['/cases/:caseId/timeline', lazy(() => import('./pages/CaseTimelinePage'))],
  ['/audit', lazy(() => import('./pages/AuditPage'))],
  ['/integrity', lazy(() => import('./pages/IntegrityPage'))],
  ['/supervision', lazy(() => import('./pages/SupervisionPage'))],
  ['/assessment', lazy(() => import('./pages/AssessmentPage'))],
  ['/consistency', lazy(() => import('./pages/ConsistencyPage'))],
  ['/interference', lazy(() => import('./pages/InterferencePage'))],
  ['/registry', lazy(() => import('./pages/RegistryPage'))],
];

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active style={{ padding: 24 }} />}>{children}</Suspense>;
}

/** Pages behind sign-in: without a session, to the sign-in page (and back afterwards). */
function SignedIn({ children }: { children: ReactNode }) {
  const location = useLocation();
  if (!currentSession()) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <ConsoleLayout>{children}</ConsoleLayout>;
}

export function ConsoleRoutes() {
  return (
    <Routes>
      {OPEN_PAGES.map(([path, Component]) => (
        <Route
          key={path}
          path={path}
          element={
            <Page>
              <Component />
            </Page>
          }
        />
      ))}
      {SIGNED_IN_PAGES.map(([path, Component]) => (
        <Route
          key={path}
          path={path}
          element={
            <SignedIn>
              <Page>
                <Component />
              </Page>
            </SignedIn>
          }
        />
      ))}
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
