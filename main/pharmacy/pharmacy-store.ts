import type { EntityManager } from 'typeorm';
import type { PharmacyDraft } from '../../preload/schemas/security';
import { toAddressColumns } from '../common/address-columns';
import { PharmacyEntity, type PharmacyRow } from './pharmacy.entity';

export async function insertPharmacy(em: EntityManager, p: PharmacyDraft): Promise<void> {
  const row: PharmacyRow = {
    id: 1,
    name: p.name,
    ncpdpId: p.ncpdpId ?? null,
    npi: p.npi ?? null,
    phone: p.phone ?? null,
    ...toAddressColumns(p.address),
    createdAt: new Date().toISOString(),
  };
  await em.insert(PharmacyEntity, row);
}

export async function getPharmacy(em: EntityManager): Promise<PharmacyRow | null> {
  return em.findOne(PharmacyEntity, { where: { id: 1 } });
}
