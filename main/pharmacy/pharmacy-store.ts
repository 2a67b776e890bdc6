import type { EntityManager } from 'typeorm';
import type { PharmacyDraft } from '../../preload/schemas/security';
import { PharmacyEntity, type PharmacyRow } from './pharmacy.entity';

export async function insertPharmacy(em: EntityManager, p: PharmacyDraft): Promise<void> {
  const row: PharmacyRow = {
    id: 1,
    name: p.name,
    ncpdpId: p.ncpdpId ?? null,
    npi: p.npi ?? null,
    phone: p.phone ?? null,
    addressLine1: p.address.line1 ?? null,
    addressLine2: p.address.line2 ?? null,
    city: p.address.city ?? null,
    state: p.address.state ?? null,
    zip: p.address.zip ?? null,
    createdAt: new Date().toISOString(),
  };
  await em.insert(PharmacyEntity, row);
}

export async function getPharmacy(em: EntityManager): Promise<PharmacyRow | null> {
  return em.findOne(PharmacyEntity, { where: { id: 1 } });
}
