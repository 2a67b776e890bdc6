// The test pharmacy's setup, free of vitest so benchmark scripts can use it too.
import { setupRequest, type SetupData } from '../../preload/schemas/security';

export const PASSWORD = 'copper kettle on the stove';

export const SETUP: SetupData = setupRequest.parse({
  pharmacy: {
    name: 'Lakeshore Family Pharmacy',
    ncpdpId: '7654321',
    npi: '1234567893',
    phone: '216-555-0100',
    address: { line1: '9 Harbor Road', city: 'Cleveland', state: 'OH', zip: '44114' },
  },
  account: { username: 'pharmacist1', fullName: 'Lee Ambrose, RPh', password: PASSWORD },
});
