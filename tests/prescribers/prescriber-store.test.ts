import { describe, expect, it } from 'vitest';
import { isValidDea, prescriberInputSchema } from '../../preload/schemas/prescribers';
import { dispatch } from '../../main/bridge/dispatch';
import { newPharmacy } from '../helpers/temp-pharmacy';

const base = {
  npi: '1245319599',
  firstName: 'Beatrice',
  lastName: 'Okonjo',
  credentials: 'MD',
  practice: 'Lakeview Internal Medicine',
  phone: '216-555-0133',
  fax: '216-555-0134',
};

describe('prescriber fields', () => {
  it('checks the DEA number format and check digit, including a 9 for business-address registrants', () => {
    expect(isValidDea('AP5836727')).toBe(true);
    expect(isValidDea('F91234563')).toBe(true);
    expect(isValidDea('AP5836728')).toBe(false);
    expect(isValidDea('A15836727')).toBe(false);
    expect(isValidDea('AP583672')).toBe(false);
  });

  it('needs the number for the chosen way of contact, and a valid NPI', () => {
    expect(prescriberInputSchema.safeParse({ ...base, fax: '' }).error?.issues[0]).toMatchObject({ path: ['fax'] });
    expect(
      prescriberInputSchema.safeParse({ ...base, phone: '', preferredContact: 'phone' }).error?.issues[0],
    ).toMatchObject({ path: ['phone'] });
    expect(prescriberInputSchema.safeParse({ ...base, fax: '', preferredContact: 'portal' }).success).toBe(true);
    expect(prescriberInputSchema.safeParse({ ...base, npi: '1245319598' }).error?.issues[0]?.message).toMatch(
      /check digit/,
    );
  });
});

describe('prescribers', () => {
  it('creates, finds by name, NPI or fax digits, and updates with version checks; one record per NPI', async () => {
    const { session } = await newPharmacy();
    const created = await dispatch(session, 'prescribers:create', { prescriber: { ...base, dea: 'ap5836727' } });
    expect(created).toMatchObject({
      ok: true,
      data: { npi: '1245319599', dea: 'AP5836727', fax: '2165550134', preferredContact: 'fax', version: 1 },
    });
    const id = created.ok ? (created.data as { id: string }).id : '';
    await dispatch(session, 'prescribers:create', {
      prescriber: {
        ...base,
        npi: '1234567893',
        firstName: 'Arthur',
        lastName: 'Okafor',
        practice: 'Eastside Family Care',
      },
    });

    const names = async (query: string) => {
      const r = await dispatch(session, 'prescribers:search', { query });
      return r.ok
        ? (r.data as { prescribers: { lastName: string }[] }).prescribers.map((p) => p.lastName)
        : r.error.message;
    };
    expect(await names('oko')).toEqual(['Okonjo']);
    expect(await names('Okafor, Ar')).toEqual(['Okafor']);
    expect(await names('124531')).toEqual(['Okonjo']);
    expect(await names('0134')).toEqual(['Okafor', 'Okonjo']);
    expect(await names('eastside')).toEqual(['Okafor']);

    expect(
      await dispatch(session, 'prescribers:create', { prescriber: { ...base, firstName: 'Other' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'npi', message: 'NPI 1245319599 already belongs to Beatrice Okonjo, MD.' },
    });
    expect(
      await dispatch(session, 'prescribers:update', { id, version: 1, prescriber: { ...base, fax: '216-555-0199' } }),
    ).toMatchObject({ ok: true, data: { version: 2, fax: '2165550199' } });
    expect(await dispatch(session, 'prescribers:update', { id, version: 1, prescriber: base })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await session.signOut();
  });
});
