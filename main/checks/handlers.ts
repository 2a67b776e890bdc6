// The checks channels implemented: each handler gets (ctx, request) and calls the domain code beside it.
import type { checksChannels } from '../../preload/channels/checks';
import { type HandlersOf } from '../bridge/handler';
import { acceptFinding, dismissFinding, knowledgeFolderOf, patientChecks } from './patient-checks';
import { populationChecks } from './population';
import { addGenotype, listGenotypes } from './genotypes';
import { addProblem, listProblems, reopenProblem, resolveProblem } from './problems';

export const checksHandlers: HandlersOf<typeof checksChannels> = {
  'checks:patient': async ({ db, session }, req) =>
    patientChecks(db, knowledgeFolderOf(session.paths.dataDir), req.patientId),
  'checks:dismiss': async ({ db, user, session }, req) =>
    dismissFinding(db, knowledgeFolderOf(session.paths.dataDir), user, req),
  'checks:accept': async ({ db, user, session }, req) =>
    acceptFinding(db, knowledgeFolderOf(session.paths.dataDir), user, req),
  'checks:population': async ({ db, session }, req) =>
    populationChecks(db, knowledgeFolderOf(session.paths.dataDir), req),
  'problems:list': async ({ db }, req) => listProblems(db, req.patientId),
  'problems:add': async ({ db, user }, req) => addProblem(db, user, req),
  'problems:resolve': async ({ db, user }, req) => resolveProblem(db, user, req),
  'problems:reopen': async ({ db }, req) => reopenProblem(db, req.id),
  'genotypes:list': async ({ db }, req) => listGenotypes(db.manager, req.patientId),
  'genotypes:add': async ({ db, user }, req) => addGenotype(db, user, req),
};
