import { useCallback, useEffect, useState } from 'react';
import type { AppStatus, SetupResult } from '../../preload/schemas/security';
import { call, SIGNED_OUT_EVENT } from '../api/bridge';
import { PatientRoutes } from '../patients/patient-routes';
import { RecoveryCodeScreen } from '../security/recovery-code-screen';
import { SetupScreen } from '../security/setup-screen';
import { SignInScreen } from '../security/sign-in-screen';
import { AppFrame } from './app-frame';
import { navigate, useHashRoute } from './use-hash-route';

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const route = useHashRoute();

  const refresh = useCallback(() => {
    call('security:status', {})
      .then((s) => {
        setStatus(s);
        setLoadError(null);
      })
      .catch((e: Error) => setLoadError(e.message));
  }, []);

  useEffect(refresh, [refresh]);
  useEffect(() => {
    window.addEventListener(SIGNED_OUT_EVENT, refresh);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, refresh);
  }, [refresh]);

  // Patients is the only area so far: any other address lands there once signed in.
  useEffect(() => {
    if (status?.user && !route.startsWith('/patients')) navigate('/patients');
  }, [status, route]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === 'p') navigate('/patients');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (loadError) {
    return (
      <main className="centered-page">
        <div className="card narrow alert alert-error" role="alert">
          {loadError}
        </div>
      </main>
    );
  }
  if (!status) return <main className="centered-page" aria-busy="true" />;

  if (recoveryCode) {
    return (
      <RecoveryCodeScreen
        code={recoveryCode}
        onContinue={() => {
          setRecoveryCode(null);
          navigate('/patients');
          refresh();
        }}
      />
    );
  }
  if (!status.initialized) return <SetupScreen onDone={(r: SetupResult) => setRecoveryCode(r.recoveryCode)} />;
  if (!status.user) return <SignInScreen onSignedIn={refresh} />;

  const signOut = () => call('security:signOut', {}).finally(refresh);
  return (
    <AppFrame status={status} route={route} onSignOut={signOut}>
      <PatientRoutes route={route} />
    </AppFrame>
  );
}
