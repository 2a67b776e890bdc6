import { EntitySchema } from 'typeorm';

export interface PharmacyRow {
  id: number;
  name: string;
  ncpdpId: string | null;
  npi: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  createdAt: string;
}

/** One row: the pharmacy this database belongs to. Details may be completed after `mtm init`. */
export const PharmacyEntity = new EntitySchema<PharmacyRow>({
  name: 'Pharmacy',
  tableName: 'pharmacy',
  columns: {
    id: { type: 'integer', primary: true },
    name: { type: 'text' },
    ncpdpId: { type: 'text', name: 'ncpdp_id', nullable: true },
    npi: { type: 'text', nullable: true },
    phone: { type: 'text', nullable: true },
    addressLine1: { type: 'text', name: 'address_line1', nullable: true },
    addressLine2: { type: 'text', name: 'address_line2', nullable: true },
    city: { type: 'text', nullable: true },
    state: { type: 'text', nullable: true },
    zip: { type: 'text', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
  },
});
