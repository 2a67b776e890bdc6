// The channels for clinical checks, drug-therapy problems and genotypes: each with its request schema, response type,
// who may call it (access), whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import {
  acceptFindingRequest,
  dismissFindingRequest,
  type DrugTherapyProblem,
  type Genotype,
  genotypeAddRequest,
  genotypeListRequest,
  type PatientChecks,
  patientChecksRequest,
  type PopulationChecks,
  populationRequest,
  problemAddRequest,
  problemListRequest,
  problemReopenRequest,
  problemResolveRequest,
} from '../schemas/checks';

export const checksChannels = {
  'checks:patient': channel<PatientChecks>()(patientChecksRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req, res) => ({
      action: 'check.read',
      category: 'clinical checks',
      patientId: req.patientId,
      objectId: req.patientId,
      detail: `${res?.findings.length ?? 0} findings`,
    }),
  }),
  // Judging that a finding does not apply is a clinical decision.
  'checks:dismiss': channel<PatientChecks>()(dismissFindingRequest, { access: 'pharmacist', audit: 'self' }),
  'checks:accept': channel<PatientChecks>()(acceptFindingRequest, { access: 'pharmacist', audit: 'self' }),
  'checks:population': channel<PopulationChecks>()(populationRequest, {
    access: 'signedIn',
    reads: true,
    audit: (_req, res) => ({
      action: 'check.population',
      category: 'clinical checks',
      detail: `${res?.screened ?? 0} patients: ${res?.counts.serious ?? 0} serious, ${res?.counts.review ?? 0} to review, ${res?.counts.careGaps ?? 0} care gaps`,
    }),
  }),
  'problems:list': channel<DrugTherapyProblem[]>()(problemListRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req) => ({
      action: 'problem.read',
      category: 'clinical checks',
      patientId: req.patientId,
      objectId: req.patientId,
    }),
  }),
  'problems:add': channel<DrugTherapyProblem>()(problemAddRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: 'problem.add',
      category: 'clinical checks',
      patientId: req.patientId,
      objectId: res?.id ?? null,
      detail: `${req.category} (${req.severity}): ${req.title}`,
    }),
  }),
  'problems:resolve': channel<DrugTherapyProblem>()(problemResolveRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: 'problem.resolve',
      category: 'clinical checks',
      patientId: res?.patientId ?? null,
      objectId: req.id,
      detail: `resolved ${req.resolvedOn}: ${req.resolution}`,
    }),
  }),
  'problems:reopen': channel<DrugTherapyProblem>()(problemReopenRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: 'problem.reopen',
      category: 'clinical checks',
      patientId: res?.patientId ?? null,
      objectId: req.id,
    }),
  }),
  'genotypes:list': channel<Genotype[]>()(genotypeListRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req) => ({
      action: 'genotype.read',
      category: 'pharmacogenomics',
      patientId: req.patientId,
      objectId: req.patientId,
    }),
  }),
  // A genetic test result is entered by the pharmacist who reads the report.
  'genotypes:add': channel<Genotype>()(genotypeAddRequest, {
    access: 'pharmacist',
    audit: (req, res) => ({
      action: 'genotype.add',
      category: 'pharmacogenomics',
      patientId: req.patientId,
      objectId: res?.id ?? null,
      detail: `${req.gene} ${req.result} (${req.testedOn})`,
    }),
  }),
} as const;
