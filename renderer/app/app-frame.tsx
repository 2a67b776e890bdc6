import type { ReactNode } from 'react';
import type { AppStatus } from '../../preload/schemas/security';
import { capitalize } from '../ui/capitalize';

const NAV = [{ path: '/patients', label: 'Patients', key: 'P' }];

/** Header with pharmacy and user, left navigation, and the page. */
export function AppFrame({ status, route, onSignOut, children }: { status: AppStatus; route: string; onSignOut: () => void; children: ReactNode }) {
  const user = status.user!;
  return (
    <div className="frame">
      <header className="topbar">
        <span className="brand">MTM Desk</span>
        <span className="pharmacy-name">{status.pharmacyName}</span>
        <span className="user" data-testid="signed-in-user">
          {user.fullName} · {capitalize(user.role)}
          {user.isAdmin ? ' (administrator)' : ''}
        </span>
        <button type="button" className="ghost" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {NAV.map((n) => (
            <li key={n.path}>
              <a href={`#${n.path}`} aria-current={route.startsWith(n.path) ? 'page' : undefined} title={`${n.label} (Alt+${n.key})`}>
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
