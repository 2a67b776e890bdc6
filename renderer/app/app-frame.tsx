import { useEffect, type ReactNode } from 'react';
import type { SignedInUser } from '../../preload/schemas/security';
import { capitalize } from '../ui/capitalize';
import { allowedAreas } from './app-routes';
import { navigate } from './use-hash-route';

/** Header with pharmacy and user, left navigation, and the page. */
export function AppFrame({
  user,
  pharmacyName,
  route,
  onSignOut,
  onLock,
  children,
}: {
  user: SignedInUser;
  pharmacyName: string;
  route: string;
  onSignOut: () => void;
  onLock: () => void;
  children: ReactNode;
}) {
  const areas = allowedAreas(user);

  // Alt+letter opens an area; Ctrl+L locks the screen at once (stepping away from the counter).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        onLock();
        return;
      }
      const area = e.altKey ? areas.find((a) => a.key.toLowerCase() === e.key.toLowerCase()) : undefined;
      if (area) {
        e.preventDefault();
        navigate(area.path);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [areas, onLock]);

  return (
    <div className="frame">
      <header className="topbar">
        <span className="brand">MTM Desk</span>
        <span className="pharmacy-name">{pharmacyName}</span>
        <a className="user" href="#/account" data-testid="signed-in-user" title="Change my password">
          {user.fullName} · {capitalize(user.role)}
          {user.isAdmin ? ' (administrator)' : ''}
        </a>
        <button type="button" className="ghost" onClick={onLock} title="Lock the screen (Ctrl+L)">
          Lock
        </button>
        <button type="button" className="ghost" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {areas.map((n) => (
            <li key={n.path}>
              <a
                href={`#${n.path}`}
                aria-current={route.startsWith(n.path) ? 'page' : undefined}
                title={`${n.label} (Alt+${n.key})`}
              >
                {n.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
