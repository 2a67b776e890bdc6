import { AllergyEntity, PatientEntity } from '../patients/patient.entity';
import { PharmacyEntity } from '../pharmacy/pharmacy.entity';
import { PrescriberEntity } from '../prescribers/prescriber.entity';
import { UserEntity } from '../security/user.entity';

export const ENTITIES = [PharmacyEntity, UserEntity, PatientEntity, AllergyEntity, PrescriberEntity];
