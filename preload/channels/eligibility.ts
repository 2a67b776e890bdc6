// The channels for MTM targeting and enrollment: each with its request schema, response type, who may call it (access),
// whether it only reads (reads) and how a call is written to the audit trail (audit).
import { channel } from './channel';
import {
  criteriaGetRequest,
  criteriaSetRequest,
  type Enrollment,
  enrollmentActionRequest,
  screeningRequest,
  type ScreeningPage,
  type YearCriteria,
} from '../schemas/eligibility';

export const eligibilityChannels = {
  'eligibility:criteria': channel<YearCriteria>()(criteriaGetRequest, {
    access: 'signedIn',
    reads: true,
    audit: 'none',
  }),
  'eligibility:setCriteria': channel<YearCriteria>()(criteriaSetRequest, {
    access: 'pharmacist',
    audit: (req) => ({
      action: 'mtm.criteria',
      category: 'mtm',
      detail: `${req.contractYear}: ${req.criteria.minDiseases} diseases, ${req.criteria.minDrugs} drugs, cost ${req.criteria.costThreshold ?? 'not set'}, ${req.criteria.diseases.length} diseases count`,
    }),
  }),
  'eligibility:screen': channel<ScreeningPage>()(screeningRequest, {
    access: 'signedIn',
    reads: true,
    audit: (req, res) => ({
      action: 'mtm.screen',
      category: 'mtm',
      detail: `${req.contractYear}: ${res?.screened ?? 0} patients screened, ${res?.total ?? 0} listed`,
    }),
  }),
  'eligibility:record': channel<Enrollment>()(enrollmentActionRequest, { access: 'signedIn', audit: 'self' }),
} as const;
