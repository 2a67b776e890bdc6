import { useCallback, useEffect, useState } from 'react';
import type { AppStatus, SetupResult, SignedInUser } from '../../preload/schemas/security';
import { call, SIGNED_OUT_EVENT } from '../api/bridge';
import { ChangePasswordScreen } from '../security/change-password-screen';
import { LockScreen } from '../security/lock-screen';
import { RecoveryCodeScreen } from '../security/recovery-code-screen';
import { SetupScreen } from '../security/setup-screen';
import { SignInScreen } from '../security/sign-in-screen';
import { useIdleLock } from '../security/use-idle-lock';
import { AppFrame } from './app-frame';
import { AppRoutes, DEFAULT_ROUTE } from './app-routes';
import { UserContext } from './user-context';
import { navigate, useHashRoute } from './use-hash-route';

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  // Whose screens are mounted: kept (hidden) while locked so unsaved input survives the lock.
  const [mounted, setMounted] = useState<{ user: SignedInUser; pharmacyName: string; key: number } | null>(null);
  const [switchingUser, setSwitchingUser] = useState(false);
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

  const user = status?.user ?? null;
  useEffect(() => {
    if (!user) return;
    setSwitchingUser(false);
    const pharmacyName = status?.pharmacyName ?? '';
    setMounted((m) => {
      if (m?.user.username === user.username) return { ...m, user, pharmacyName };
      // Someone else: their session starts fresh, never inside the previous user's screens.
      if (m) navigate(DEFAULT_ROUTE);
      return { user, pharmacyName, key: (m?.key ?? 0) + 1 };
    });
  }, [user, status?.pharmacyName]);

  useIdleLock(Boolean(user), status?.idleLockMinutes ?? 10, refresh);

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
          navigate(DEFAULT_ROUTE);
          refresh();
        }}
      />
    );
  }
  if (!status.initialized) return <SetupScreen onDone={(r: SetupResult) => setRecoveryCode(r.recoveryCode)} onRestored={refresh} />;
  if (user?.mustChangePassword) return <ChangePasswordScreen user={user} forced onDone={refresh} />;

  const signOut = () => {
    setMounted(null);
    call('security:signOut', {}).finally(refresh);
  };
  const onSignedIn = (_u: SignedInUser) => refresh();

  const frame =
    mounted && (user ? user.username === mounted.user.username : status.locked?.username === mounted.user.username) ? (
      <div hidden={!user} key={mounted.key}>
        <AppFrame user={mounted.user} pharmacyName={mounted.pharmacyName} active={Boolean(user)} route={route} onSignOut={signOut} onLock={() => call('security:lock', {}).finally(refresh)}>
          <UserContext.Provider value={mounted.user}>
            <AppRoutes route={route} user={mounted.user} />
          </UserContext.Provider>
        </AppFrame>
      </div>
    ) : null;

  if (user) return frame;
  return (
    <>
      {frame}
      {status.locked && !switchingUser ? (
        <LockScreen locked={status.locked} onUnlocked={onSignedIn} onSwitchUser={() => setSwitchingUser(true)} />
      ) : (
        <SignInScreen onSignedIn={onSignedIn} />
      )}
    </>
  );
}
