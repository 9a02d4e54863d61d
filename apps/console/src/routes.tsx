import { Suspense, lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Skeleton } from 'antd';
import { currentSession } from './auth/session';
import { ConsoleLayout } from './layout/ConsoleLayout';

// Every page is its own chunk: the first load carries only the shell.
const SignIn = lazy(() => import('./pages/SignInPage'));
const Desk = lazy(() => import('./pages/DeskPage'));
const CaseList = lazy(() => import('./pages/CaseListPage'));
const CaseDetail = lazy(() => import('./pages/CaseDetailPage'));
const CaseTimeline = lazy(() => import('./pages/CaseTimelinePage'));
const PublicDecisions = lazy(() => import('./pages/PublicDecisionsPage'));
const Audit = lazy(() => import('./pages/AuditPage'));
const Integrity = lazy(() => import('./pages/IntegrityPage'));
const Interference = lazy(() => import('./pages/InterferencePage'));
const Registry = lazy(() => import('./pages/RegistryPage'));

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
      <Route
        path="/login"
        element={
          <Page>
            <SignIn />
          </Page>
        }
      />
      <Route
        path="/public"
        element={
          <Page>
            <PublicDecisions />
          </Page>
        }
      />
      <Route
        path="/"
        element={
          <SignedIn>
            <Page>
              <Desk />
            </Page>
          </SignedIn>
        }
      />
      <Route
        path="/cases"
        element={
          <SignedIn>
            <Page>
              <CaseList />
            </Page>
          </SignedIn>
        }
      />
      <Route
        path="/cases/:caseId"
        element={
          <SignedIn>
            <Page>
              <CaseDetail />
            </Page>
          </SignedIn>
        }
      />
      <Route
        path="/cases/:caseId/timeline"
        element={
          <SignedIn>
            <Page>
              <CaseTimeline />
            </Page>
          </SignedIn>
        }
      />
      <Route
        path="/audit"
        element={
          <SignedIn>
            <Page>
              <Audit />
            </Page>
          </SignedIn>
        }
      />
      <Route
        path="/integrity"
        element={
          <SignedIn>
            <Page>
              <Integrity />
            </Page>
          </SignedIn>
        }
      />
      <Route
        path="/interference"
        element={
          <SignedIn>
            <Page>
              <Interference />
            </Page>
          </SignedIn>
        }
      />
      <Route
        path="/registry"
        element={
          <SignedIn>
            <Page>
              <Registry />
            </Page>
          </SignedIn>
        }
      />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
