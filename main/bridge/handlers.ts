// The contract implemented: each capability's handlers, declared beside its domain code, joined here;
// a type error if a channel has none.
import type { ChannelName } from '../../preload/contract';
import { securityHandlers } from '../security/handlers';
import { patientsHandlers } from '../patients/handlers';
import { clinicalHandlers } from '../conditions/handlers';
import { medicationsHandlers } from '../medications/handlers';
import { checksHandlers } from '../checks/handlers';
import { reviewsHandlers } from '../reviews/handlers';
import { billingHandlers } from '../billing/handlers';
import { adherenceHandlers } from '../adherence/handlers';
import { reportsHandlers } from '../reports/handlers';
import { documentsHandlers } from '../documents/handlers';
import { eligibilityHandlers } from '../eligibility/handlers';
import { fillsHandlers } from '../fills/handlers';
import { prescribersHandlers } from '../prescribers/handlers';
import { scanningHandlers } from '../scanning/handlers';
import type { Handler } from './handler';

export const handlers: { [C in ChannelName]: Handler<C> } = {
  ...securityHandlers,
  ...patientsHandlers,
  ...clinicalHandlers,
  ...medicationsHandlers,
  ...checksHandlers,
  ...reviewsHandlers,
  ...billingHandlers,
  ...adherenceHandlers,
  ...reportsHandlers,
  ...documentsHandlers,
  ...eligibilityHandlers,
  ...fillsHandlers,
  ...prescribersHandlers,
  ...scanningHandlers,
};
