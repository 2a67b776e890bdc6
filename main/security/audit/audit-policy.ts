// How each bridge channel is written to the audit trail. 'self': the domain code records it (it
// knows more, e.g. sign-in failures while the database is closed, or a permission change's before
// and after); 'none': nothing worth recording (no patient data, no change). Denied calls are
// recorded by the dispatcher whatever the entry here.
import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../../preload/contract';
import type { AuditEvent } from './audit-log';

export type Described = Omit<AuditEvent, 'username' | 'outcome' | 'at'>;
type Rule<C extends ChannelName> = (req: ParsedRequestOf<C>, res: ResponseOf<C> | undefined) => Described;

const RECORD = 'patient record';

/** "from 2026-11-01, action user.add" — the filter an administrator used, in words. */
function describeFilter(f: ParsedRequestOf<'audit:search'>['filter']): string {
  const parts = [f.from && `from ${f.from}`, f.to && `to ${f.to}`, f.username && `user ${f.username}`, f.patient && `patient "${f.patient}"`, f.action && `action ${f.action}`].filter(Boolean);
  return parts.length ? parts.join(', ') : 'all entries';
}

/**
 * Channels that only read the database (a backup copies it): recorded after they answer. Every other channel is a change, run one at
 * a time, with its audit row in the same transaction.
 */
export const READ_ONLY: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'security:status', 'users:list', 'audit:search', 'audit:exportCsv', 'settings:get', 'backup:list', 'backup:create',
  'patients:search', 'patients:get', 'patients:findDuplicates', 'patients:clinical', 'conditions:search',
  'medications:list', 'medications:history', 'checks:patient', 'problems:list', 'genotypes:list', 'checks:population',
  'reviews:forPatient', 'reviews:get', 'reviews:today', 'billing:setup', 'claims:preview', 'claims:batches', 'claims:batchFile', 'claims:list',
  'adherence:patient', 'adherence:worklist', 'reports:summary', 'reports:mtmDataElements', 'documents:make', 'documents:carePlan',
  'phrases:list', 'drugs:search', 'drugs:status', 'eligibility:criteria', 'eligibility:screen', 'fills:preview', 'prescribers:search', 'prescribers:get',
]);

export const AUDIT_POLICY: { [C in ChannelName]: Rule<C> | 'self' | 'none' } = {
  'security:status': 'none',
  'security:activity': 'none',
  'security:setup': 'self',
  'security:setupDemo': 'self',
  'security:restore': 'self',
  'security:signIn': 'self',
  'security:signOut': 'self',
  'security:lock': 'self',
  'security:unlock': 'self',
  'security:breakGlass': 'self',
  'security:changeOwnPassword': 'self',
  'users:list': 'none',
  'users:add': 'self',
  'users:update': 'self',
  'users:disable': 'self',
  'security:rekey': 'self',
  'users:resetPassword': 'self',
  'audit:search': (req) => ({ action: 'audit.view', category: 'audit', detail: describeFilter(req.filter) }),
  'audit:exportCsv': (req, res) => ({ action: 'audit.export', category: 'audit', detail: `${res?.rows ?? 0} rows: ${describeFilter(req.filter)}` }),
  'audit:acknowledgeAlarms': 'self',
  'settings:get': 'none',
  'settings:update': (req) => ({
    action: 'settings.change',
    category: 'settings',
    detail: [
      req.idleLockMinutes !== undefined && `idle lock ${req.idleLockMinutes} min`,
      req.autoBackup && (req.autoBackup.enabled ? `daily backup on, to ${req.autoBackup.folder}` : 'daily backup off'),
      req.documents && `documents: hours "${req.documents.hours}", TTY "${req.documents.tty}", fax ${req.documents.fax || 'none'}, file names ${req.documents.fileNames}`,
    ].filter(Boolean).join('; '),
  }),
  'backup:create': (req, res) => ({ action: 'backup.create', category: 'backup', detail: res?.file ?? req.folder }),
  'backup:list': 'none',
  'patients:search': (req, res) => ({ action: 'patient.search', category: RECORD, detail: `"${req.query}": ${res?.patients.length ?? 0} shown` }),
  'patients:get': (req) => ({ action: 'patient.read', category: RECORD, patientId: req.id, objectId: req.id }),
  'patients:create': (_req, res) => ({ action: 'patient.create', category: RECORD, patientId: res?.id ?? null, objectId: res?.id ?? null }),
  'patients:update': (req, res) => ({ action: 'patient.update', category: RECORD, patientId: req.id, objectId: req.id, detail: res ? `version ${req.version} → ${res.version}` : null }),
  'patients:delete': (req) => ({ action: 'patient.delete', category: RECORD, patientId: req.id, objectId: req.id, detail: `reason: ${req.reason}` }),
  'patients:findDuplicates': (_req, res) => ({ action: 'patient.duplicateCheck', category: RECORD, detail: `${res?.length ?? 0} possible duplicates shown` }),
  'patients:clinical': (req) => ({ action: 'patient.readClinical', category: 'conditions and labs', patientId: req.patientId, objectId: req.patientId }),
  'conditions:search': 'none',
  'conditions:add': (req, res) => ({ action: 'condition.add', category: 'conditions and labs', patientId: req.patientId, objectId: res?.id ?? null, detail: req.code }),
  'conditions:resolve': (req, res) => ({ action: 'condition.resolve', category: 'conditions and labs', patientId: res?.patientId ?? null, objectId: req.id, detail: res ? `${res.code} resolved ${req.resolvedOn}` : null }),
  'labs:add': (req, res) => ({ action: 'lab.add', category: 'conditions and labs', patientId: req.patientId, objectId: res?.id ?? null, detail: `${req.type} ${req.value}${req.value2 !== undefined ? `/${req.value2}` : ''} on ${req.takenOn}` }),
  'medications:list': (req) => ({ action: 'medication.read', category: 'medications', patientId: req.patientId, objectId: req.patientId }),
  'medications:add': (req, res) => ({ action: 'medication.add', category: 'medications', patientId: req.patientId, objectId: res?.id ?? null, detail: req.medication.product }),
  'medications:update': (req, res) => ({ action: 'medication.change', category: 'medications', patientId: res?.patientId ?? null, objectId: req.id, detail: `${req.medication.product}; version ${req.version}` }),
  'medications:stop': (req, res) => ({ action: 'medication.stop', category: 'medications', patientId: res?.patientId ?? null, objectId: req.id, detail: `stopped ${req.stopDate}: ${req.reason}` }),
  'medications:history': (req, res) => ({ action: 'medication.readHistory', category: 'medications', patientId: res?.[0]?.medication.patientId ?? null, objectId: req.id }),
  'checks:patient': (req, res) => ({ action: 'check.read', category: 'clinical checks', patientId: req.patientId, objectId: req.patientId, detail: `${res?.findings.length ?? 0} findings` }),
  'checks:dismiss': 'self',
  'checks:accept': 'self',
  'problems:list': (req) => ({ action: 'problem.read', category: 'clinical checks', patientId: req.patientId, objectId: req.patientId }),
  'problems:add': (req, res) => ({ action: 'problem.add', category: 'clinical checks', patientId: req.patientId, objectId: res?.id ?? null, detail: `${req.category} (${req.severity}): ${req.title}` }),
  'problems:resolve': (req, res) => ({ action: 'problem.resolve', category: 'clinical checks', patientId: res?.patientId ?? null, objectId: req.id, detail: `resolved ${req.resolvedOn}: ${req.resolution}` }),
  'problems:reopen': (req, res) => ({ action: 'problem.reopen', category: 'clinical checks', patientId: res?.patientId ?? null, objectId: req.id }),
  'genotypes:list': (req) => ({ action: 'genotype.read', category: 'pharmacogenomics', patientId: req.patientId, objectId: req.patientId }),
  'genotypes:add': (req, res) => ({ action: 'genotype.add', category: 'pharmacogenomics', patientId: req.patientId, objectId: res?.id ?? null, detail: `${req.gene} ${req.result} (${req.testedOn})` }),
  'checks:population': (_req, res) => ({ action: 'check.population', category: 'clinical checks', detail: `${res?.screened ?? 0} patients: ${res?.serious.length ?? 0} serious, ${res?.review.length ?? 0} to review, ${res?.careGaps.length ?? 0} care gaps` }),
  'reviews:create': (req, res) => ({ action: 'review.create', category: 'reviews', patientId: req.patientId, objectId: res?.id ?? null, detail: req.type }),
  'reviews:forPatient': (req) => ({ action: 'review.list', category: 'reviews', patientId: req.patientId, objectId: req.patientId }),
  'reviews:get': (req, res) => ({ action: 'review.read', category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id }),
  'reviews:update': (req, res) => ({ action: 'review.update', category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id, detail: Object.keys(req.changes).join(', ') }),
  'reviews:act': (req, res) => ({ action: `review.${req.action}`, category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id, detail: res?.status ?? null }),
  'reviews:timer': (req, res) => ({ action: 'review.timer', category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id, detail: typeof req.timer === 'string' ? req.timer : `corrected to ${req.timer.correctMinutes} min` }),
  'reviews:resolveLine': (req, res) => ({ action: 'review.reconcile', category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id, detail: `${req.lineKey}: ${req.resolution}` }),
  'reviews:saveRecommendation': (req, res) => ({ action: req.recommendation.id ? 'review.recommendation.update' : 'review.recommendation.add', category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id, detail: `${req.recommendation.action} by ${req.recommendation.actor}` }),
  'reviews:removeRecommendation': (req, res) => ({ action: 'review.recommendation.remove', category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id, detail: req.recommendationId }),
  'reviews:saveCommunication': (req, res) => ({ action: 'review.communication', category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id, detail: `${req.method} sent ${req.sentDate}, due ${req.dueDate}` }),
  'reviews:recordOutcome': (req, res) => ({ action: 'review.outcome', category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id, detail: `${req.recommendationId}: ${req.outcome} on ${req.date}` }),
  'reviews:addAddendum': (req, res) => ({ action: 'review.addendum', category: 'reviews', patientId: res?.patientId ?? null, objectId: req.id }),
  // Names and counts of open work, the same the navigation shows; the reviews opened from it are recorded.
  'reviews:today': 'none',
  'billing:setup': 'none',
  'billing:saveProvider': (req) => ({ action: 'billing.provider', category: 'billing', detail: `${req.legalName}, NPI ${req.npi}` }),
  'billing:savePharmacist': (req) => ({ action: 'billing.pharmacist', category: 'billing', objectId: req.username, detail: `NPI ${req.npi}` }),
  'billing:savePayer': (req) => ({ action: req.id ? 'billing.payer.update' : 'billing.payer.add', category: 'billing', objectId: req.id ?? null, detail: `${req.name} (${req.payerId})` }),
  'claims:preview': (req) => ({ action: 'claim.preview', category: 'billing', objectId: req.reviewId }),
  'claims:batches': 'none',
  'claims:batchFile': (req, res) => ({ action: 'claim.export.download', category: 'billing', objectId: req.id, detail: res ? `${res.fileName}: ${res.claimCount} claims` : null }),
  'claims:create': (req, res) => ({ action: 'claim.create', category: 'billing', patientId: res?.patientId ?? null, objectId: res?.id ?? req.reviewId, detail: res ? `${res.claimNumber}: ${res.lines.map((l) => `${l.code}x${l.units}`).join(' ')}` : null }),
  'claims:list': (req, res) => ({ action: 'claim.list', category: 'billing', detail: `${req.from ?? '…'} to ${req.to ?? '…'}: ${res?.length ?? 0} claims` }),
  'claims:act': (req, res) => ({ action: `claim.${req.action}`, category: 'billing', patientId: res?.patientId ?? null, objectId: req.id, detail: res?.claimNumber ?? null }),
  'adherence:patient': (req) => ({ action: 'adherence.read', category: 'adherence', patientId: req.patientId, objectId: req.patientId, detail: `${req.months} months` }),
  'adherence:worklist': (_req, res) => ({ action: 'adherence.worklist', category: 'adherence', detail: `${res?.entries.length ?? 0} patients` }),
  'adherence:outreach': (req) => ({ action: 'adherence.outreach.read', category: 'adherence', patientId: req.patientId, objectId: req.patientId }),
  'adherence:logOutreach': (req) => ({ action: 'adherence.outreach', category: 'adherence', patientId: req.patientId, objectId: req.patientId, detail: `${req.method}: ${req.result} (${req.intervention})` }),
  // Counts only: no patient is named in the reports.
  'reports:summary': 'none',
  'reports:mtmDataElements': (req, res) => ({ action: 'report.mtmDataElements', category: 'billing', detail: `${req.contractYear}: ${res?.rows ?? 0} beneficiaries` }),
  'claims:export': (req, res) => ({ action: `claim.export.${req.format}`, category: 'billing', objectId: res?.id ?? null, detail: res ? `${res.fileName}: ${res.claimCount} claims` : `${req.from} to ${req.to}` }),
  'documents:make': (req, res) => ({ action: `document.${req.kind}`, category: 'documents', patientId: res?.patientId ?? null, objectId: req.reviewId, detail: res ? `${res.fileName}, ${res.pages} pages, ${res.language}` : null }),
  'documents:carePlan': (req, res) => ({ action: 'document.carePlan', category: 'documents', patientId: res?.patientId ?? null, objectId: req.reviewId, detail: res?.fileName ?? null }),
  'documents:sent': (req, res) => ({ action: 'document.sent', category: 'documents', patientId: res?.patientId ?? null, objectId: req.reviewId, detail: req.kind === 'prescriberLetter' ? `fax to prescriber ${req.prescriberId}` : 'CMR summary' }),
  'phrases:list': 'none',
  'phrases:save': (req, res) => ({ action: req.id ? 'phrase.update' : 'phrase.add', category: 'settings', patientId: null, objectId: res?.id ?? null, detail: req.label }),
  'phrases:delete': (req) => ({ action: 'phrase.delete', category: 'settings', patientId: null, objectId: req.id }),
  // The vocabulary is reference data: searching it reveals nothing about a patient.
  'drugs:search': 'none',
  'drugs:status': 'none',
  'eligibility:criteria': 'none',
  'eligibility:setCriteria': (req) => ({
    action: 'mtm.criteria', category: 'mtm',
    detail: `${req.contractYear}: ${req.criteria.minDiseases} diseases, ${req.criteria.minDrugs} drugs, cost ${req.criteria.costThreshold ?? 'not set'}, ${req.criteria.diseases.length} diseases count`,
  }),
  'eligibility:screen': (req, res) => ({ action: 'mtm.screen', category: 'mtm', detail: `${req.contractYear}: ${res?.screened ?? 0} patients screened, ${res?.patients.length ?? 0} listed` }),
  'eligibility:record': 'self',
  'fills:preview': 'none',
  'fills:import': 'self',
  // Prescriber records are directory data, not patient information: only changes are recorded.
  'prescribers:search': 'none',
  'prescribers:get': 'none',
  'prescribers:create': (req, res) => ({ action: 'prescriber.create', category: 'prescribers', objectId: res?.id ?? null, detail: `NPI ${req.prescriber.npi}` }),
  'prescribers:update': (req) => ({ action: 'prescriber.update', category: 'prescribers', objectId: req.id, detail: `NPI ${req.prescriber.npi}` }),
};
