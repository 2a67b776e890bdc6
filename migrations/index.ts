// Every schema change, oldest first. A migration is never edited once released: add a new one.
import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { AuditSettingsUsers1763990000000 } from './1763990000000-audit-settings-users';
import { Prescribers1764000000000 } from './1764000000000-prescribers';
import { ConditionsLabs1764100000000 } from './1764100000000-conditions-labs';
import { Medications1764200000000 } from './1764200000000-medications';
import { Fills1764300000000 } from './1764300000000-fills';
import { DrugVocabularyEligibility1764400000000 } from './1764400000000-drug-vocabulary-eligibility';
import { Reviews1764500000000 } from './1764500000000-reviews';
import { ReviewPlan1764600000000 } from './1764600000000-review-plan';
import { Billing1764700000000 } from './1764700000000-billing';
import { AdherenceOutreach1764800000000 } from './1764800000000-adherence-outreach';
import { ProblemResolution1764900000000 } from './1764900000000-problem-resolution';
import { PayerClaimNumber1765000000000 } from './1765000000000-payer-claim-number';
import { PlaceOfService1765100000000 } from './1765100000000-place-of-service';
import { Icd10cmRelease1765200000000 } from './1765200000000-icd10cm-release';

export const MIGRATIONS = [InitialSchema1763900000000, AuditSettingsUsers1763990000000, Prescribers1764000000000, ConditionsLabs1764100000000, Medications1764200000000, Fills1764300000000, DrugVocabularyEligibility1764400000000, Reviews1764500000000, ReviewPlan1764600000000, Billing1764700000000, AdherenceOutreach1764800000000, ProblemResolution1764900000000, PayerClaimNumber1765000000000, PlaceOfService1765100000000, Icd10cmRelease1765200000000];
