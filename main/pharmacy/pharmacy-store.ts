import type { PharmacyDraft } from '../../preload/schemas/security';
import { toAddressColumns } from '../common/address-columns';
import type { Row } from '../db/rows';
import { one, run, sql, type Q } from '../db/sql';

/** One row: the pharmacy this database belongs to. Details may be completed after `mtm init`. */
export type PharmacyRow = Row<'pharmacy'>;

export async function insertPharmacy(q: Q, p: PharmacyDraft): Promise<void> {
  const a = toAddressColumns(p.address);
  await run(
    q,
    sql`
    INSERT INTO pharmacy (id, name, ncpdp_id, npi, phone, address_line1, address_line2, city, state, zip, created_at)
    VALUES (1, ${p.name}, ${p.ncpdpId ?? null}, ${p.npi ?? null}, ${p.phone ?? null}, ${a.addressLine1},
      ${a.addressLine2}, ${a.city}, ${a.state}, ${a.zip}, ${new Date().toISOString()})`,
  );
}

export async function getPharmacy(q: Q): Promise<PharmacyRow | null> {
  return (await one<PharmacyRow>(q, sql`SELECT * FROM pharmacy WHERE id = 1`)) ?? null;
}
