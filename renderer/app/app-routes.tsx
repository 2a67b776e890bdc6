import { useEffect } from 'react';
import { isAllowed, PERMISSIONS } from '../../preload/permissions';
import type { SignedInUser } from '../../preload/schemas/security';
import { AuditScreen } from '../audit/audit-screen';
import { CheckWorklistScreen } from '../checks/check-worklist-screen';
import { EligibilityScreen } from '../eligibility/eligibility-screen';
import { ReviewScreen } from '../reviews/review-screen';
import { TodayScreen } from '../today/today-screen';
import { BillingScreen } from '../billing/billing-screen';
import { ReportsScreen } from '../reports/reports-screen';
import { AdherenceScreen } from '../adherence/adherence-screen';
import { PhrasesScreen } from '../reviews/phrases-screen';
import { BackupScreen } from '../backup/backup-screen';
import { ImportScreen } from '../fills/import-screen';
import { PatientRoutes } from '../patients/patient-routes';
import { PrescriberRoutes } from '../prescribers/prescriber-routes';
import { ChangePasswordScreen } from '../security/change-password-screen';
import { UsersScreen } from '../users/users-screen';
import { navigate } from './use-hash-route';

export const DEFAULT_ROUTE = '/today';

/** The areas of the app: each shown in the navigation only to those allowed its main channel. */
export const AREAS = [
  { path: '/today', label: 'Today', key: 'D', channel: 'reviews:today' },
  { path: '/patients', label: 'Patients', key: 'P', channel: 'patients:search' },
  { path: '/prescribers', label: 'Prescribers', key: 'R', channel: 'prescribers:search' },
  { path: '/eligibility', label: 'MTM eligibility', key: 'M', channel: 'eligibility:screen' },
  { path: '/checks', label: 'Check worklist', key: 'W', channel: 'checks:population' },
  { path: '/adherence', label: 'Adherence', key: 'H', channel: 'adherence:worklist' },
  { path: '/import', label: 'Import fills', key: 'I', channel: 'fills:import' },
  { path: '/billing', label: 'Billing', key: 'L', channel: 'claims:list' },
  { path: '/reports', label: 'Reports', key: 'O', channel: 'reports:summary' },
  { path: '/phrases', label: 'Action-plan phrases', key: 'A', channel: 'phrases:save' },
  { path: '/users', label: 'Users', key: 'U', channel: 'users:list' },
  { path: '/audit', label: 'Audit trail', key: 'T', channel: 'audit:search' },
  { path: '/backup', label: 'Backup', key: 'B', channel: 'backup:list' },
] as const;

export const allowedAreas = (user: SignedInUser) => AREAS.filter((a) => isAllowed(user, PERMISSIONS[a.channel]));

export function AppRoutes({ route, user }: { route: string; user: SignedInUser }) {
  const area = allowedAreas(user).find((a) => route.startsWith(a.path));
  // A review is reached from a patient or a worklist, not from the navigation.
  const review = /^\/reviews\/([0-9a-f-]{36})$/.exec(route);
  const known = Boolean(area) || route === '/account' || Boolean(review);
  useEffect(() => {
    if (!known) navigate(DEFAULT_ROUTE);
  }, [known]);

  if (route === '/account') return <ChangePasswordScreen user={user} onDone={() => navigate(DEFAULT_ROUTE)} />;
  if (review) return <ReviewScreen id={review[1]!} />;
  switch (area?.path) {
    case '/today':
      return <TodayScreen />;
    case '/phrases':
      return <PhrasesScreen />;
    case '/billing':
      return <BillingScreen />;
    case '/reports':
      return <ReportsScreen />;
    case '/adherence':
      return <AdherenceScreen />;
    case '/users':
      return <UsersScreen />;
    case '/audit':
      return <AuditScreen />;
    case '/backup':
      return <BackupScreen />;
    case '/patients':
      return <PatientRoutes route={route} />;
    case '/import':
      return <ImportScreen />;
    case '/eligibility':
      return <EligibilityScreen user={user} />;
    case '/checks':
      return <CheckWorklistScreen />;
    case '/prescribers':
      return <PrescriberRoutes route={route} />;
    default:
      return null;
  }
}
