/** An address as form fields (strings as typed), and back to the contract's shape. */
export const BLANK_ADDRESS = { line1: '', line2: '', city: '', state: '', zip: '' };
export type AddressFields = typeof BLANK_ADDRESS;

type Stored = { [K in keyof AddressFields]: string | null };

export const addressFields = (a: Stored): AddressFields => ({
  line1: a.line1 ?? '',
  line2: a.line2 ?? '',
  city: a.city ?? '',
  state: a.state ?? '',
  zip: a.zip ?? '',
});
export const addressInput = (f: AddressFields) => ({
  line1: f.line1,
  line2: f.line2,
  city: f.city,
  state: f.state,
  zip: f.zip,
});
