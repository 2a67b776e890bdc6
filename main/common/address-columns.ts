import type { Address } from '../../preload/schemas/identifiers';

/** How every table stores an address. */
export interface AddressColumns {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}

export const toAddressColumns = (a: Address): AddressColumns => ({
  addressLine1: a.line1 ?? null,
  addressLine2: a.line2 ?? null,
  city: a.city ?? null,
  state: a.state ?? null,
  zip: a.zip ?? null,
});

export const fromAddressColumns = (r: AddressColumns) => ({
  line1: r.addressLine1,
  line2: r.addressLine2,
  city: r.city,
  state: r.state,
  zip: r.zip,
});
