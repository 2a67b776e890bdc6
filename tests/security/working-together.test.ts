// Two workstations on one shared database, each its own Session (its own folder, connection and sign-in): one's
// saves are refused to the other when stale, with who changed the record; the same review is signed once; one
// locking or signing out leaves the other working; imports run one workstation at a time.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { exclusively, LOCKS } from '../../main/db/dialect';
import { autoMap } from '../../main/fills/fill-rows';
import { Session } from '../../main/security/session';
import { FILE_ONLY } from '../helpers/backend';
import { noPostgres, usePostgres } from '../helpers/postgres-server';
import { sampleSignedCmr } from '../helpers/sample-review';
import {
  addTechnician,
  call,
  daysAgo,
  PASSWORD,
  patient,
  SETUP,
  signInAsTechnician,
  TECH_OWN_PASSWORD,
  tempDir,
} from '../helpers/temp-pharmacy';

const server = usePostgres({ tls: true });

/** Two workstations on one new shared database: A sets the pharmacy up, B joins it and signs in as a technician. */
async function twoWorkstations() {
  process.env.XDG_CONFIG_HOME ??= tempDir();
  const url = new URL(await server.newDatabase());
  const connection = { url: '', password: decodeURIComponent(url.password), ca: server.ca! };
  url.password = '';
  connection.url = url.toString();
  const a = new Session(tempDir());
  await a.connectShared(connection);
  await a.setup(SETUP);
  await addTechnician(a);
  const b = new Session(tempDir());
  expect((await b.connectShared(connection)).initialized).toBe(true);
  await signInAsTechnician(b);
  return { a, b };
}

const HEADER = 'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,NDC,Drug Name,Qty,Days Supply';

describe.skipIf(noPostgres)('two workstations on one shared database', FILE_ONLY, () => {
  it('refuses a stale save with who changed the record, and signs a review once', async () => {
    const { a, b } = await twoWorkstations();
    try {
      const p = await call(a, 'patients:create', { patient: patient() });
      const seen = await call(b, 'patients:get', { id: p.id });
      expect(seen.version).toBe(p.version);
      await call(a, 'patients:update', { id: p.id, version: p.version, patient: patient({ phone: '(330) 555-0100' }) });
      const stale = await dispatch(b, 'patients:update', {
        id: p.id,
        version: seen.version,
        patient: patient({ phone: '(330) 555-0199' }),
      });
      expect(stale).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/pharmacist1/) },
      });
      expect((await call(b, 'patients:get', { id: p.id })).phone).toBe('3305550100');

      // Both pharmacists press Sign on the same review at the same moment: one signature, the other told why.
      const { review } = await sampleSignedCmr(a, { medicines: 2, cmrDate: daysAgo(1), unsigned: true });
      await b.signOut();
      await b.signIn({ username: SETUP.account.username, password: PASSWORD });
      const sign = (s: Session) =>
        dispatch(s, 'reviews:act', { id: review.id, version: review.version, action: 'complete', minutes: 38 });
      const results = await Promise.all([sign(a), sign(b)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const signed = await call(a, 'reviews:get', { id: review.id });
      expect(signed.status).toBe('completed');
      expect(signed.version).toBe(review.version + 1);
    } finally {
      await Promise.all([a.signOut(), b.signOut()]);
    }
  });

  it('keeps one workstation working while the other locks or signs out, and imports one at a time', async () => {
    const { a, b } = await twoWorkstations();
    try {
      await call(a, 'patients:create', { patient: patient() });
      await a.lock('user');
      expect(a.status().locked).not.toBeNull();
      expect(b.status().locked).toBeNull();
      expect((await call(b, 'patients:search', { query: 'Quenneville' })).patients).toHaveLength(1);
      await b.signOut();
      await a.unlock(PASSWORD);
      expect((await call(a, 'patients:search', { query: 'Quenneville' })).patients).toHaveLength(1);

      // While A's import holds the lock, B's is refused at once, and nothing of B's is written.
      await b.signIn({ username: 'tech1', password: TECH_OWN_PASSWORD });
      const csv = `${HEADER}\r\nAbernathy,Cornelius,01/02/1940,700001,0,${daysAgo(3)},0071-0155-23,Atorvastatin 10 mg tab,30,30`;
      const request = {
        file: { name: 'export.csv', base64: Buffer.from(csv).toString('base64') },
        mapping: autoMap(HEADER.split(',')),
        validOnly: false,
        createPatients: true,
      };
      const { db } = a.current();
      const refused = await exclusively(db, LOCKS.import, 'busy', () => dispatch(b, 'fills:import', request));
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          message: expect.stringMatching(/^Another workstation is importing a file right now/),
        },
      });
      expect((await call(b, 'patients:search', { query: 'Abernathy' })).patients).toHaveLength(0);
      const after = await dispatch(b, 'fills:import', request);
      expect(after).toMatchObject({ ok: true, data: { imported: 1 } });
    } finally {
      await Promise.all([a.signOut(), b.signOut()]);
    }
  });
});
