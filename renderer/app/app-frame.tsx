import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import type { SignedInUser } from '../../preload/schemas/security';
import { capitalize } from '../ui/capitalize';
import { allowedAreas } from './app-routes';
import { navigate } from './use-hash-route';

// The app routes by the hash, so the link's own jump would navigate: focus the main region instead.
function skipToMain(e: MouseEvent<HTMLAnchorElement>) {
  e.preventDefault();
  document.getElementById('main-content')?.focus();
}

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
  // A new screen starts the Tab order afresh, as a page load does: the next Tab is the skip link, not wherever
  // the old screen's focus was. A field the new screen focuses itself (a search box) keeps the focus.
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!document.getElementById('main-content')?.contains(document.activeElement))
      frame.current?.focus({ preventScroll: true });
  }, [route]);

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
    <div className="frame" ref={frame} tabIndex={-1}>
      {/* The first Tab stop: past the header and the navigation, straight to the page. */}
      <a className="skip-link" href="#main-content" onClick={skipToMain}>
        Skip to main content
      </a>
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
      <main className="content" id="main-content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
