// The check an open screen makes every few seconds for saves made elsewhere: it tells the version and who saved,
// writes nothing to the audit trail, and is not activity (a screen left open still locks when idle).
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { sampleSignedCmr } from '../helpers/sample-review';
import { auditRows, call, daysAgo, newPharmacy, patient } from '../helpers/temp-pharmacy';

const idleFor = (session: object, ms: number) => ((session as { lastActivity: number }).lastActivity = Date.now() - ms);
const lastActivity = (session: object) => (session as { lastActivity: number }).lastActivity;

describe('record versions', () => {
  it('tells a patient’s and a review’s version and who saved last, without an audit row or counting as activity', async () => {
    const { session } = await newPharmacy();
    try {
      const p = await call(session, 'patients:create', { patient: patient() });
      const { review } = await sampleSignedCmr(session, { medicines: 1, cmrDate: daysAgo(1), unsigned: true });
      const rows = (await auditRows(session)).length;
      idleFor(session, 60_000);
      const before = lastActivity(session);

      expect(await call(session, 'patients:version', { id: p.id })).toEqual({
        version: p.version,
        updatedAt: p.updatedAt,
        updatedBy: 'pharmacist1',
      });
      expect(await call(session, 'reviews:version', { id: review.id })).toMatchObject({
        version: review.version,
        updatedBy: 'pharmacist1',
      });
      expect((await auditRows(session)).length).toBe(rows);
      expect(lastActivity(session)).toBe(before);

      const saved = await call(session, 'patients:update', {
        id: p.id,
        version: p.version,
        patient: patient({ phone: '(330) 555-0100' }),
      });
      expect(saved.updatedBy).toBe('pharmacist1');
      expect((await call(session, 'patients:version', { id: p.id })).version).toBe(p.version + 1);

      await call(session, 'patients:delete', { id: p.id, reason: 'Entered twice' });
      expect(await dispatch(session, 'patients:version', { id: p.id })).toMatchObject({
        ok: false,
        error: { code: 'notFound', message: 'This patient was not found. It may have been removed.' },
      });
    } finally {
      await session.signOut();
    }
  });
});
