// The contract implemented: one entry per channel, a type error if one is missing.
import type { ChannelName, ParsedRequestOf, ResponseOf } from '../../preload/contract';
import { addCondition, addLab, getClinical, resolveCondition, searchConditions } from '../conditions/clinical-store';
import { acceptFinding, dismissFinding, knowledgeFolderOf, patientChecks } from '../checks/patient-checks';
import { populationChecks } from '../checks/population';
import { actOnReview, createReview, getReview, patientReviews, resolveLine, timeReview, updateReview } from '../reviews/review-store';
import { addAddendum, recordOutcome, removeRecommendation, saveCommunication, saveRecommendation } from '../reviews/review-plan';
import { deletePhrase, listPhrases, savePhrase } from '../reviews/phrases';
import { todayWork } from '../reviews/today';
import { createDemoPharmacy } from '../demo/create-demo';
import { carePlanFile, makeDocument, recordDocumentSent } from '../documents/documents-service';
import { billingSetup, savePayer, savePharmacist, saveProvider } from '../billing/billing-setup';
import { actOnClaim, createClaim, listClaims, previewClaim } from '../billing/claims';
import { batchFile, exportClaims, listBatches } from '../billing/export-claims';
import { mtmDataElements } from '../billing/mtm-data-elements';
import { reportSummary } from '../reports/report-summary';
import { adherenceWorklist, patientAdherence } from '../adherence/programme';
import { logOutreach, outreachHistory } from '../adherence/outreach';
import { addGenotype, listGenotypes } from '../checks/genotypes';
import { addProblem, listProblems, reopenProblem, resolveProblem } from '../checks/problems';
import { getCriteria, setCriteria } from '../eligibility/criteria-store';
import { recordEnrollment } from '../eligibility/enrollment-store';
import { screenPatients } from '../eligibility/screening';
import { importFills } from '../fills/import-fills';
import { rxNormStatus, searchDrugs } from '../medications/vocabulary/drug-search';
import { addMedication, listMedications, medicationHistory, stopMedication, updateMedication } from '../medications/medication-store';
import { createPatient, deletePatient, findDuplicates, getPatient, updatePatient } from '../patients/patient-store';
import { searchPatients } from '../patients/patient-search';
import { createPrescriber, getPrescriber, searchPrescribers, updatePrescriber } from '../prescribers/prescriber-store';
import { exportAuditCsv, searchAudit } from '../security/audit/audit-query';
import { createBackup, listBackups, prepareBackupFolder, restoreBackup } from '../security/backup/backups';
import type { Session } from '../security/session';
import { addUser, disableUser, listUsers, resetPassword, updateUser } from '../security/user-admin';
import { getSettings, updateSettings } from '../settings/pharmacy-settings';
import { AppError } from '../common/errors';

/** Enough patients for every screen to have something to show, quick to make at first run. */
const DEMO_PATIENTS = 300;

export interface HandlerContext {
  session: Session;
}
export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>, ctx: HandlerContext) => Promise<ResponseOf<C>>;

const done = async (work: Promise<unknown>) => {
  await work;
  return null;
};

export const handlers: { [C in ChannelName]: Handler<C> } = {
  'security:status': async (_req, { session }) => session.status(),
  'security:setup': async (req, { session }) => session.setup(req),
  'security:setupDemo': async (req, { session }) => {
    const { demo: _summary, ...result } = await createDemoPharmacy(session, req.account, { patients: DEMO_PATIENTS, seed: 1 });
    return result;
  },
  'security:restore': async (req, { session }) => {
    if (session.isInitialized) throw new AppError('alreadyInitialized', 'This computer already has a pharmacy set up. Restore into an empty data folder with `mtm restore`.');
    return restoreBackup(req, session.paths.dataDir);
  },
  'security:signIn': async (req, { session }) => session.signIn(req),
  'security:signOut': async (_req, { session }) => done(session.signOut()),
  'security:lock': async (_req, { session }) => done(session.lock('user')),
  'security:unlock': async (req, { session }) => session.unlock(req.password),
  'security:activity': async () => null,
  'security:breakGlass': async (req, { session }) => session.breakGlass(req),
  'security:changeOwnPassword': async (req, { session }) => session.changeOwnPassword(req),
  'users:list': async (_req, { session }) => listUsers(session),
  'users:add': async (req, { session }) => addUser(session, req),
  'users:update': async (req, { session }) => updateUser(session, req),
  'users:disable': async (req, { session }) => disableUser(session, req.username),
  'security:rekey': async (req, { session }) => session.rekey(req.reason, {}),
  'users:resetPassword': async (req, { session }) => resetPassword(session, req),
  'audit:search': async (req, { session }) => searchAudit(session.current().db, req.filter, req.limit, req.offset),
  'audit:exportCsv': async (req, { session }) => exportAuditCsv(session.current().db, req.filter),
  'audit:acknowledgeAlarms': async (req, { session }) => session.acknowledgeAlarms(req.note),
  'settings:get': async (_req, { session }) => getSettings(session.current().db.manager),
  'settings:update': async (req, { session }) => {
    const { db, user } = session.current();
    if (req.autoBackup?.enabled) prepareBackupFolder(req.autoBackup.folder);
    await db.transaction((em) => updateSettings(em, req, user.username));
    const settings = await getSettings(db.manager);
    session.setIdleLockMinutes(settings.idleLockMinutes);
    return settings;
  },
  'backup:create': async (req, { session }) => createBackup(session, req.folder),
  'backup:list': async (req) => listBackups(req.folder),
  'patients:search': async (req, { session }) => searchPatients(session.current().db, req.query, req.limit),
  'patients:get': async (req, { session }) => getPatient(session.current().db, req.id),
  'patients:create': async (req, { session }) => {
    const { db, user } = session.current();
    return createPatient(db, user, req.patient, req.allowDuplicate);
  },
  'patients:update': async (req, { session }) => {
    const { db, user } = session.current();
    return updatePatient(db, user, req.id, req.version, req.patient);
  },
  'patients:delete': async (req, { session }) => {
    const { db, user } = session.current();
    return done(deletePatient(db, user, req.id, req.reason));
  },
  'patients:findDuplicates': async (req, { session }) => findDuplicates(session.current().db.manager, req),
  'patients:clinical': async (req, { session }) => getClinical(session.current().db, req.patientId),
  'conditions:search': async (req, { session }) => searchConditions(session.current().db.manager, req.query),
  'conditions:add': async (req, { session }) => {
    const { db, user } = session.current();
    return addCondition(db, user, req);
  },
  'conditions:resolve': async (req, { session }) => resolveCondition(session.current().db, req.id, req.resolvedOn),
  'labs:add': async (req, { session }) => {
    const { db, user } = session.current();
    return addLab(db, user, req);
  },
  'medications:list': async (req, { session }) => listMedications(session.current().db, req.patientId),
  'medications:add': async (req, { session }) => {
    const { db, user } = session.current();
    return addMedication(db, user, req.patientId, req.medication);
  },
  'medications:update': async (req, { session }) => {
    const { db, user } = session.current();
    return updateMedication(db, user, req.id, req.version, req.medication);
  },
  'medications:stop': async (req, { session }) => {
    const { db, user } = session.current();
    return stopMedication(db, user, req.id, req.version, req.stopDate, req.reason);
  },
  'medications:history': async (req, { session }) => medicationHistory(session.current().db, req.id),
  'checks:patient': async (req, { session }) => patientChecks(session.current().db, knowledgeFolderOf(session.paths.dataDir), req.patientId),
  'checks:dismiss': async (req, { session }) => {
    const { db, user } = session.current();
    return dismissFinding(db, knowledgeFolderOf(session.paths.dataDir), user, req);
  },
  'checks:accept': async (req, { session }) => {
    const { db, user } = session.current();
    return acceptFinding(db, knowledgeFolderOf(session.paths.dataDir), user, req);
  },
  'checks:population': async (_req, { session }) => populationChecks(session.current().db, knowledgeFolderOf(session.paths.dataDir)),
  'problems:list': async (req, { session }) => listProblems(session.current().db, req.patientId),
  'problems:add': async (req, { session }) => {
    const { db, user } = session.current();
    return addProblem(db, user, req);
  },
  'problems:resolve': async (req, { session }) => {
    const { db, user } = session.current();
    return resolveProblem(db, user, req);
  },
  'problems:reopen': async (req, { session }) => reopenProblem(session.current().db, req.id),
  'genotypes:list': async (req, { session }) => listGenotypes(session.current().db.manager, req.patientId),
  'genotypes:add': async (req, { session }) => {
    const { db, user } = session.current();
    return addGenotype(db, user, req);
  },
  'reviews:create': async (req, { session }) => {
    const { db, user } = session.current();
    return createReview(db, user, req);
  },
  'reviews:get': async (req, { session }) => getReview(session.current().db, req.id),
  'reviews:forPatient': async (req, { session }) => patientReviews(session.current().db, req.patientId),
  'reviews:update': async (req, { session }) => {
    const { db, user } = session.current();
    return updateReview(db, user, req);
  },
  'reviews:act': async (req, { session }) => {
    const { db, user } = session.current();
    return actOnReview(db, user, req.id, req.version, req.action);
  },
  'reviews:timer': async (req, { session }) => {
    const { db, user } = session.current();
    return timeReview(db, user, req.id, req.version, req.timer);
  },
  'reviews:resolveLine': async (req, { session }) => {
    const { db, user } = session.current();
    return resolveLine(db, user, req);
  },
  'reviews:saveRecommendation': async (req, { session }) => {
    const { db, user } = session.current();
    return saveRecommendation(db, user, req);
  },
  'reviews:removeRecommendation': async (req, { session }) => {
    const { db, user } = session.current();
    return removeRecommendation(db, user, req);
  },
  'reviews:saveCommunication': async (req, { session }) => {
    const { db, user } = session.current();
    return saveCommunication(db, user, req);
  },
  'reviews:recordOutcome': async (req, { session }) => {
    const { db, user } = session.current();
    return recordOutcome(db, user, req);
  },
  'reviews:addAddendum': async (req, { session }) => {
    const { db, user } = session.current();
    return addAddendum(db, user, req);
  },
  'reviews:today': async (_req, { session }) => todayWork(session.current().db),
  'billing:setup': async (_req, { session }) => billingSetup(session.current().db.manager),
  'billing:saveProvider': async (req, { session }) => {
    const { db, user } = session.current();
    return saveProvider(db.manager, user, req);
  },
  'billing:savePharmacist': async (req, { session }) => {
    const { db, user } = session.current();
    return savePharmacist(db.manager, user, req);
  },
  'billing:savePayer': async (req, { session }) => {
    const { db, user } = session.current();
    return savePayer(db.manager, user, req);
  },
  'claims:preview': async (req, { session }) => previewClaim(session.current().db, req),
  'claims:batches': async (_req, { session }) => listBatches(session.current().db.manager),
  'claims:batchFile': async (req, { session }) => batchFile(session.current().db.manager, req.id),
  'claims:create': async (req, { session }) => {
    const { db, user } = session.current();
    return createClaim(db, user, req);
  },
  'claims:list': async (req, { session }) => listClaims(session.current().db.manager, req),
  'claims:act': async (req, { session }) => {
    const { db, user } = session.current();
    return actOnClaim(db, user, req);
  },
  'adherence:patient': async (req, { session }) => patientAdherence(session.current().db, req.patientId, req.months),
  'adherence:worklist': async (req, { session }) => adherenceWorklist(session.current().db, req.lateDays),
  'adherence:outreach': async (req, { session }) => outreachHistory(session.current().db, req.patientId),
  'adherence:logOutreach': async (req, { session }) => {
    const { db, user } = session.current();
    return logOutreach(db, user, req);
  },
  'reports:summary': async (req, { session }) => reportSummary(session.current().db, req.from, req.to),
  'reports:mtmDataElements': async (req, { session }) => mtmDataElements(session.current().db, req.contractYear),
  'claims:export': async (req, { session }) => {
    const { db, user } = session.current();
    return exportClaims(db, user, req);
  },
  'documents:make': async (req, { session }) => {
    const { db, user } = session.current();
    return makeDocument(db, user, req);
  },
  'documents:carePlan': async (req, { session }) => {
    const { db, user } = session.current();
    return carePlanFile(db, user, req.reviewId);
  },
  'documents:sent': async (req, { session }) => {
    const { db, user } = session.current();
    return recordDocumentSent(db, user, req);
  },
  'phrases:list': async (_req, { session }) => listPhrases(session.current().db),
  'phrases:save': async (req, { session }) => {
    const { db, user } = session.current();
    return savePhrase(db, user, req);
  },
  'phrases:delete': async (req, { session }) => {
    await deletePhrase(session.current().db, req.id);
    return null;
  },
  'drugs:search': async (req, { session }) => searchDrugs(session.current().db.manager, req.query),
  'drugs:status': async (_req, { session }) => rxNormStatus(session.current().db.manager),
  'eligibility:criteria': async (req, { session }) => getCriteria(session.current().db.manager, req.contractYear),
  'eligibility:setCriteria': async (req, { session }) => {
    const { db, user } = session.current();
    return setCriteria(db.manager, req.contractYear, req.criteria, user.username);
  },
  'eligibility:screen': async (req, { session }) => screenPatients(session.current().db, req.contractYear, req.asOf),
  'eligibility:record': async (req, { session }) => {
    const { db, user } = session.current();
    return recordEnrollment(db, user, req);
  },
  'fills:preview': async (req, { session }) => {
    const { db, user } = session.current();
    return importFills(db, user, { fileName: req.file.name, bytes: Buffer.from(req.file.base64, 'base64'), mapping: req.mapping, validOnly: true, createPatients: false, preview: true });
  },
  'fills:import': async (req, { session }) => {
    const { db, user } = session.current();
    return importFills(db, user, { fileName: req.file.name, bytes: Buffer.from(req.file.base64, 'base64'), mapping: req.mapping, validOnly: req.validOnly, createPatients: req.createPatients, preview: false });
  },
  'prescribers:search': async (req, { session }) => searchPrescribers(session.current().db, req.query, req.limit),
  'prescribers:get': async (req, { session }) => getPrescriber(session.current().db, req.id),
  'prescribers:create': async (req, { session }) => {
    const { db, user } = session.current();
    return createPrescriber(db, user, req.prescriber);
  },
  'prescribers:update': async (req, { session }) => {
    const { db, user } = session.current();
    return updatePrescriber(db, user, req.id, req.version, req.prescriber);
  },
};
