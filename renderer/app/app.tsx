import { useCallback, useEffect, useRef, useState } from 'react';
import { setPharmacyTimeZone } from '../../preload/schemas/dates';
import type { AppStatus, SetupResult, SignedInUser } from '../../preload/schemas/security';
import { call, SIGNED_OUT_EVENT } from '../api/bridge';
import { onSessionEvent } from '../api/session-events';
import { AuditAlarm } from '../audit/audit-alarm';
import { ChangePasswordScreen } from '../security/change-password-screen';
import { dropDrafts, sealDrafts, unsealDrafts } from '../security/drafts';
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
  // Whose work the screens hold (they are unmounted while locked; only encrypted drafts wait).
  const [owner, setOwner] = useState<{ username: string; key: number } | null>(null);
  const [switchingUser, setSwitchingUser] = useState(false);
  const route = useHashRoute();

  const refresh = useCallback(() => {
    call('security:status', {})
      .then((s) => {
        setPharmacyTimeZone(s.timeZone);
        setStatus(s);
        setLoadError(null);
      })
      .catch((e: Error) => setLoadError(e.message));
  }, []);

  /**
   * The session locked (here, by the idle timer in main, or from another window): drafts sealed, screens gone at once.
   */
  // A ref, so the event subscription is made once and never reopened (events in between would be lost).
  const signedIn = useRef<string | null>(null);
  signedIn.current = status?.user?.username ?? null;
  const onLocked = useCallback(
    async (locked?: { username: string; fullName: string }) => {
      if (signedIn.current) await sealDrafts(signedIn.current);
      if (locked) setStatus((s) => s && { ...s, user: null, locked, auditIntegrity: null });
      refresh();
    },
    [refresh],
  );

  useEffect(refresh, [refresh]);
  useEffect(() => {
    const onSignedOutBehindUs = () => void onLocked();
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOutBehindUs);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOutBehindUs);
  }, [onLocked]);
  useEffect(
    () =>
      onSessionEvent((e) => {
        if (e.type === 'locked') void onLocked({ username: e.username, fullName: e.fullName });
        else {
          if (e.type === 'signedOut') dropDrafts();
          refresh();
        }
      }),
    [onLocked, refresh],
  );

  const user = status?.user ?? null;
  useEffect(() => {
    if (!user) return;
    setSwitchingUser(false);
    setOwner((o) => {
      if (o?.username === user.username) return o;
      // Someone else: their session starts fresh, never inside the previous user's screens or drafts.
      if (o) {
        dropDrafts();
        navigate(DEFAULT_ROUTE);
      }
      return { username: user.username, key: (o?.key ?? 0) + 1 };
    });
  }, [user]);

  const lock = useCallback(() => {
    // Drafts are taken before the call: the screens unmount as soon as main answers.
    if (user) void sealDrafts(user.username).then(() => call('security:lock', {}).finally(refresh));
  }, [user, refresh]);
  useIdleLock(Boolean(user), status?.idleLockMinutes ?? 10, lock);

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
  if (!status.initialized)
    return (
      <SetupScreen
        shared={status.shared}
        onDone={(r: SetupResult) => setRecoveryCode(r.recoveryCode)}
        onRestored={refresh}
      />
    );
  if (user?.mustChangePassword) return <ChangePasswordScreen user={user} forced onDone={refresh} />;

  if (user && owner?.username === user.username) {
    const signOut = () => {
      dropDrafts();
      setOwner(null);
      call('security:signOut', {}).finally(refresh);
    };
    return (
      <AppFrame
        key={owner.key}
        user={user}
        pharmacyName={status.pharmacyName ?? ''}
        route={route}
        onSignOut={signOut}
        onLock={lock}
      >
        {status.auditIntegrity && user.isAdmin ? (
          <AuditAlarm problem={status.auditIntegrity} onAcknowledged={refresh} />
        ) : null}
        <UserContext.Provider value={user}>
          <AppRoutes route={route} user={user} />
        </UserContext.Provider>
      </AppFrame>
    );
  }
  if (user) return <main className="centered-page" aria-busy="true" />;

  const onSignedIn = async (u: SignedInUser) => {
    // The same user's drafts are opened before their screens mount again; anyone else's are dropped there.
    if (status.locked?.username === u.username) await unsealDrafts(u.username);
    refresh();
  };
  return status.locked && !switchingUser ? (
    <LockScreen locked={status.locked} onUnlocked={onSignedIn} onSwitchUser={() => setSwitchingUser(true)} />
  ) : (
    <SignInScreen onSignedIn={onSignedIn} />
  );
}
