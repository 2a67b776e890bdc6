import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract, type ChannelName } from '../../preload/contract';
import { dispatch } from '../../main/bridge/dispatch';
import { handlers } from '../../main/bridge/handlers';
import { Session } from '../../main/security/session';
import { newPharmacy, tempDir } from '../helpers/temp-pharmacy';

const validPatient = { firstName: 'Hollis', lastName: 'Branwen', dateOfBirth: '1947-05-09', sex: 'male' };

// One near-miss per channel: right shape, one field wrong. A new channel must add its line here.
const NEAR_MISS: Record<ChannelName, { payload: unknown; field: string }> = {
  'security:status': { payload: { verbose: true }, field: '' },
  'security:setup': {
    payload: {
      pharmacy: { name: 'X', ncpdpId: '1234567', npi: '1234567894', phone: '2165550100', address: { line1: '1 A St', city: 'B', state: 'OH', zip: '44114' } },
      account: { username: 'abc', fullName: 'A B', password: 'long enough password' },
    },
    field: 'pharmacy.npi',
  },
  'security:signIn': { payload: { username: 'pharmacist1' }, field: 'password' },
  'security:signOut': { payload: { everyone: true }, field: '' },
  'patients:search': { payload: { query: 5 }, field: 'query' },
  'patients:get': { payload: { id: 'not-a-uuid' }, field: 'id' },
  'patients:create': { payload: { patient: { ...validPatient, mbi: '1SG4TE5MK73' } }, field: 'patient.mbi' },
  'patients:update': { payload: { id: randomUUID(), version: 0, patient: validPatient }, field: 'version' },
  'patients:delete': { payload: { id: randomUUID(), reason: '   ' }, field: 'reason' },
  'patients:findDuplicates': { payload: { firstName: 'A', lastName: 'B', dateOfBirth: 'yesterday' }, field: 'dateOfBirth' },
};

async function tableCounts(session: Session) {
  const { db } = session.current();
  const tables = ['pharmacy', 'users', 'patients', 'patient_allergies'];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, (await db.query(`SELECT count(*) AS n FROM ${t}`))[0].n])));
}

describe('the bridge dispatcher', () => {
  it('implements exactly the channels of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('answers malformed requests on every channel with a validation error and writes nothing', async () => {
    const { session } = await newPharmacy();
    const created = await dispatch(session, 'patients:create', { patient: { ...validPatient, allergies: [{ substance: 'Codeine' }] } });
    expect(created.ok).toBe(true);
    const before = await tableCounts(session);

    for (const channel of CHANNELS) {
      for (const payload of [42, 'text', [1, 2], { bogus: true }]) {
        const result = await dispatch(session, channel, payload);
        expect(result, `${channel} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'validation' } });
      }
      const { payload, field } = NEAR_MISS[channel];
      const result = await dispatch(session, channel, payload);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'validation' } });
      if (!result.ok) {
        expect(result.error.field ?? '', channel).toBe(field);
        expect(result.error.message).not.toMatch(/undefined|stack|at \w+ \(/);
      }
    }
    expect(await tableCounts(session)).toEqual(before);
    expect(session.status().user?.username).toBe('pharmacist1');
    await session.signOut();
  });

  it('refuses signed-in channels before sign-in, and unknown channels', async () => {
    const session = new Session(tempDir());
    for (const channel of CHANNELS.filter((c) => contract[c].access === 'signedIn')) {
      const { payload } = NEAR_MISS[channel];
      // Even a well-formed search is refused: nobody is signed in.
      const result = await dispatch(session, channel, channel === 'patients:search' ? { query: 'a' } : payload);
      expect(result.ok).toBe(false);
    }
    expect(await dispatch(session, 'patients:search', { query: 'a' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await dispatch(session, 'patients:drop', {})).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
    expect(await dispatch(session, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
  });

  it('turns an unexpected failure into a plain message with a reference, never a stack trace', async () => {
    const { session } = await newPharmacy();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await session.current().db.query('DROP TABLE patient_allergies');
    const result = await dispatch(session, 'patients:create', { patient: validPatient });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/^Something went wrong and the action did not complete \(reference [0-9A-F]{8}\)/);
      expect(result.error.message).not.toMatch(/SQLITE|no such table|\.ts:/);
    }
    expect(log).toHaveBeenCalled();
    // The transaction rolled back: no patient row without its allergies.
    expect((await session.current().db.query('SELECT count(*) AS n FROM patients'))[0].n).toBe(0);
    log.mockRestore();
    await session.signOut();
  });
});
