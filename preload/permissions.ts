// The permission matrix: the one place that decides who may call each bridge channel.
// Technicians register patients and prepare work; clinical sign-off, prescriber communication,
// final documentation and billing are the pharmacist's; user administration is the administrator's.
import type { ChannelName } from './contract';
import type { SignedInUser } from './schemas/security';

/** public: no sign-in needed; signedIn: any role; pharmacist: pharmacists only; admin: administrators. */
export type Requirement = 'public' | 'signedIn' | 'pharmacist' | 'admin';

export const PERMISSIONS: { readonly [C in ChannelName]: Requirement } = {
  'security:status': 'public',
  'security:setup': 'public',
  'security:setupDemo': 'public',
  'security:restore': 'public',
  'security:signIn': 'public',
  'security:signOut': 'public',
  'security:unlock': 'public',
  'security:breakGlass': 'public',
  'security:lock': 'signedIn',
  'security:activity': 'signedIn',
  'security:changeOwnPassword': 'signedIn',
  'users:list': 'admin',
  'users:add': 'admin',
  'users:update': 'admin',
  'users:disable': 'admin',
  'security:rekey': 'admin',
  'users:resetPassword': 'admin',
  'audit:search': 'admin',
  'audit:exportCsv': 'admin',
  'audit:acknowledgeAlarms': 'admin',
  'settings:get': 'signedIn',
  'settings:update': 'admin',
  'backup:create': 'admin',
  'backup:list': 'admin',
  'patients:search': 'signedIn',
  'patients:get': 'signedIn',
  'patients:create': 'signedIn',
  'patients:update': 'signedIn',
  'patients:delete': 'pharmacist',
  'patients:findDuplicates': 'signedIn',
  'patients:clinical': 'signedIn',
  'conditions:search': 'signedIn',
  'conditions:add': 'signedIn',
  'conditions:resolve': 'signedIn',
  'labs:add': 'signedIn',
  'medications:list': 'signedIn',
  'medications:add': 'signedIn',
  'medications:update': 'signedIn',
  'medications:stop': 'signedIn',
  'medications:history': 'signedIn',
  'checks:patient': 'signedIn',
  // Judging that a finding does not apply is a clinical decision.
  'checks:dismiss': 'pharmacist',
  'checks:accept': 'pharmacist',
  'checks:population': 'signedIn',
  'problems:list': 'signedIn',
  'problems:add': 'pharmacist',
  'problems:resolve': 'pharmacist',
  'problems:reopen': 'pharmacist',
  'genotypes:list': 'signedIn',
  // A genetic test result is entered by the pharmacist who reads the report.
  'genotypes:add': 'pharmacist',
  // Technicians may open and prepare a review; moving it through its states (and completing it) is the pharmacist's.
  'reviews:create': 'signedIn',
  'reviews:get': 'signedIn',
  'reviews:forPatient': 'signedIn',
  'reviews:update': 'signedIn',
  'reviews:act': 'pharmacist',
  'reviews:timer': 'signedIn',
  'reviews:resolveLine': 'signedIn',
  // Recommendations, what is sent to prescribers and addenda to signed notes are clinical acts;
  // a technician may log the answer a prescriber faxed back.
  'reviews:saveRecommendation': 'pharmacist',
  'reviews:removeRecommendation': 'pharmacist',
  'reviews:saveCommunication': 'pharmacist',
  'reviews:recordOutcome': 'signedIn',
  'reviews:addAddendum': 'pharmacist',
  'reviews:today': 'signedIn',
  // Billing: the pharmacy's set-up is the administrator's; claims are the pharmacist's.
  'billing:setup': 'pharmacist',
  'billing:saveProvider': 'admin',
  'billing:savePharmacist': 'admin',
  'billing:savePayer': 'admin',
  'claims:preview': 'pharmacist',
  'claims:create': 'pharmacist',
  'claims:batches': 'pharmacist',
  'claims:batchFile': 'pharmacist',
  'claims:list': 'pharmacist',
  'claims:act': 'pharmacist',
  'claims:export': 'pharmacist',
  'reports:mtmDataElements': 'pharmacist',
  'reports:summary': 'pharmacist',
  // Technicians make most adherence calls and log them.
  'adherence:patient': 'signedIn',
  'adherence:worklist': 'signedIn',
  'adherence:outreach': 'signedIn',
  'adherence:logOutreach': 'signedIn',
  // Technicians print and mail the summary and send the fax the pharmacist prepared.
  'documents:make': 'signedIn',
  'documents:sent': 'signedIn',
  'documents:carePlan': 'pharmacist',
  'phrases:list': 'signedIn',
  'phrases:save': 'pharmacist',
  'phrases:delete': 'pharmacist',
  'drugs:search': 'signedIn',
  'drugs:status': 'signedIn',
  'eligibility:criteria': 'signedIn',
  'eligibility:setCriteria': 'pharmacist',
  'eligibility:screen': 'signedIn',
  'eligibility:record': 'signedIn',
  'fills:preview': 'signedIn',
  'fills:import': 'signedIn',
  'prescribers:search': 'signedIn',
  'prescribers:get': 'signedIn',
  'prescribers:create': 'signedIn',
  'prescribers:update': 'signedIn',
};

export function isAllowed(user: Pick<SignedInUser, 'role' | 'isAdmin'>, requirement: Requirement): boolean {
  switch (requirement) {
    case 'public':
    case 'signedIn':
      return true;
    case 'pharmacist':
      return user.role === 'pharmacist';
    case 'admin':
      return user.isAdmin;
  }
}

export const REQUIREMENT_WORDS: Record<Requirement, string> = {
  public: 'anyone',
  signedIn: 'signed-in staff',
  pharmacist: 'a pharmacist',
  admin: 'an administrator',
};
