import { EntitySchema } from 'typeorm';
import type { Prescriber } from '../../preload/schemas/prescribers';

export interface PrescriberRow {
  id: string;
  version: number;
  npi: string;
  firstName: string;
  lastName: string;
  credentials: string | null;
  dea: string | null;
  practice: string | null;
  phone: string | null;
  fax: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  preferredContact: Prescriber['preferredContact'];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

const text = (name: string, nullable = true) => ({ type: 'text' as const, name, nullable });

export const PrescriberEntity = new EntitySchema<PrescriberRow>({
  name: 'Prescriber',
  tableName: 'prescribers',
  columns: {
    id: { type: 'text', primary: true },
    version: { type: 'integer' },
    npi: text('npi', false),
    firstName: text('first_name', false),
    lastName: text('last_name', false),
    credentials: text('credentials'),
    dea: text('dea'),
    practice: text('practice'),
    phone: text('phone'),
    fax: text('fax'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    city: text('city'),
    state: text('state'),
    zip: text('zip'),
    preferredContact: text('preferred_contact', false),
    createdAt: text('created_at', false),
    createdBy: text('created_by', false),
    updatedAt: text('updated_at', false),
    updatedBy: text('updated_by', false),
  },
});
