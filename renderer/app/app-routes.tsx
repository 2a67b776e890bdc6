import { useEffect, type ReactNode } from 'react';
import type { ChannelName } from '../../preload/contract';
import { isAllowed, PERMISSIONS } from '../../preload/permissions';
import type { SignedInUser } from '../../preload/schemas/security';
import { AdherenceScreen } from '../adherence/adherence-screen';
import { AuditScreen } from '../audit/audit-screen';
import { BackupScreen } from '../backup/backup-screen';
import { BillingScreen } from '../billing/billing-screen';
import { CheckWorklistScreen } from '../checks/check-worklist-screen';
import { EligibilityScreen } from '../eligibility/eligibility-screen';
import { ImportScreen } from '../fills/import-screen';
import { PatientDetailView } from '../patients/patient-detail';
import { EditPatient, PatientForm } from '../patients/patient-form';
import { PatientList } from '../patients/patient-list';
import { EditPrescriber, PrescriberForm } from '../prescribers/prescriber-form';
import { PrescriberList } from '../prescribers/prescriber-list';
import { ReportsScreen } from '../reports/reports-screen';
import { PhrasesScreen } from '../reviews/phrases-screen';
import { ReviewScreen } from '../reviews/review-screen';
import { ChangePasswordScreen } from '../security/change-password-screen';
import { TodayScreen } from '../today/today-screen';
import { UsersScreen } from '../users/users-screen';
import { navigate } from './use-hash-route';

export const DEFAULT_ROUTE = '/today';

type Params = Record<string, string>;
type Route = {
  /** The address segment by segment; `:name` is any one non-empty segment, passed to the screen. */
  path: string;
  /** Who sees it: those allowed this channel (its area's main one). None: every signed-in user. */
  channel?: ChannelName;
  /** An area of the app, in the navigation with this label and Alt+key. */
  nav?: { label: string; key: string };
  /** Only this address: an area's routes also open for anything after it (#/patients/:id/…). */
  exact?: true;
  /** What a parameter must look like, beyond a non-empty segment. */
  params?: Record<string, RegExp>;
  screen: (params: Params, user: SignedInUser) => ReactNode;
};

const PATIENTS = 'patients:search';
const PRESCRIBERS = 'prescribers:search';

/**
 * Every route, each with its screen and who sees it. The first route that fits the address opens, so
 * an area's sub-routes come before it; the navigation lists the areas in this order.
 */
const ROUTES: readonly Route[] = [
  { path: '/today', channel: 'reviews:today', nav: { label: 'Today', key: 'D' }, screen: () => <TodayScreen /> },
  { path: '/patients/new', channel: PATIENTS, screen: () => <PatientForm /> },
  { path: '/patients/:id/edit', channel: PATIENTS, screen: ({ id }) => <EditPatient id={id!} /> },
  { path: '/patients/:id', channel: PATIENTS, screen: ({ id }) => <PatientDetailView key={id} id={id!} /> },
  { path: '/patients', channel: PATIENTS, nav: { label: 'Patients', key: 'P' }, screen: () => <PatientList /> },
  { path: '/prescribers/new', channel: PRESCRIBERS, screen: () => <PrescriberForm /> },
  { path: '/prescribers/:id', channel: PRESCRIBERS, screen: ({ id }) => <EditPrescriber key={id} id={id!} /> },
  {
    path: '/prescribers',
    channel: PRESCRIBERS,
    nav: { label: 'Prescribers', key: 'R' },
    screen: () => <PrescriberList />,
  },
  {
    path: '/eligibility',
    channel: 'eligibility:screen',
    nav: { label: 'MTM eligibility', key: 'M' },
    screen: (_, user) => <EligibilityScreen user={user} />,
  },
  {
    path: '/checks',
    channel: 'checks:population',
    nav: { label: 'Check worklist', key: 'W' },
    screen: () => <CheckWorklistScreen />,
  },
  {
    path: '/adherence',
    channel: 'adherence:worklist',
    nav: { label: 'Adherence', key: 'H' },
    screen: () => <AdherenceScreen />,
  },
  {
    path: '/import',
    channel: 'fills:import',
    nav: { label: 'Import fills', key: 'I' },
    screen: () => <ImportScreen />,
  },
  { path: '/billing', channel: 'claims:list', nav: { label: 'Billing', key: 'L' }, screen: () => <BillingScreen /> },
  {
    path: '/reports',
    channel: 'reports:summary',
    nav: { label: 'Reports', key: 'O' },
    screen: () => <ReportsScreen />,
  },
  {
    path: '/phrases',
    channel: 'phrases:save',
    nav: { label: 'Action-plan phrases', key: 'A' },
    screen: () => <PhrasesScreen />,
  },
  { path: '/users', channel: 'users:list', nav: { label: 'Users', key: 'U' }, screen: () => <UsersScreen /> },
  { path: '/audit', channel: 'audit:search', nav: { label: 'Audit trail', key: 'T' }, screen: () => <AuditScreen /> },
  { path: '/backup', channel: 'backup:list', nav: { label: 'Backup', key: 'B' }, screen: () => <BackupScreen /> },
  // A review is reached from a patient or a worklist, not from the navigation.
  {
    path: '/reviews/:id',
    exact: true,
    params: { id: /^[0-9a-f-]{36}$/ },
    screen: ({ id }) => <ReviewScreen id={id!} />,
  },
  {
    path: '/account',
    exact: true,
    screen: (_, user) => <ChangePasswordScreen user={user} onDone={() => navigate(DEFAULT_ROUTE)} />,
  },
];

const allowed = (user: SignedInUser, r: Route) => !r.channel || isAllowed(user, PERMISSIONS[r.channel]);

/** The areas the user may open, for the navigation and its Alt+key shortcuts. */
export const allowedAreas = (user: SignedInUser) =>
  ROUTES.flatMap((r) => (r.nav && allowed(user, r) ? [{ path: r.path, ...r.nav }] : []));

/** The parameters if the route fits the address, else null. */
function fit(r: Route, address: string): Params | null {
  const want = r.path.split('/');
  const have = address.split('/');
  if (have.length < want.length || (r.exact && have.length > want.length)) return null;
  const params: Params = {};
  for (const [i, part] of want.entries()) {
    const value = have[i]!;
    const name = part.startsWith(':') ? part.slice(1) : null;
    if (name === null ? value !== part : !value || r.params?.[name]?.test(value) === false) return null;
    if (name !== null) params[name] = value;
  }
  return params;
}

/** The first route the user may open that fits the address. */
function find(address: string, user: SignedInUser) {
  for (const r of ROUTES) {
    const params = allowed(user, r) ? fit(r, address) : null;
    if (params) return { r, params };
  }
  return null;
}

/** The screen for the address; an unknown address, or an area the user may not open, goes to Today. */
export function AppRoutes({ route, user }: { route: string; user: SignedInUser }) {
  const found = find(route, user);
  const known = found !== null;
  useEffect(() => {
    if (!known) navigate(DEFAULT_ROUTE);
  }, [known]);
  return found ? found.r.screen(found.params, user) : null;
}
