import { describe, expect, it } from 'vitest';
import { CHANNELS, HTTP_TOKEN_HEADER } from '../../preload/contract';
import { startBridgeServer } from '../../main/bridge/server';
import { newPharmacy, tempDir } from '../helpers/temp-pharmacy';

const HUGE = 'x'.repeat(300_000);
const TABLES = ['pharmacy', 'users', 'patients', 'patient_allergies', 'audit_log', 'app_settings', 'fills', 'fill_imports', 'patient_medications', 'mtm_enrollments', 'mtm_criteria', 'rxn_concepts', 'check_dismissals', 'patient_genotypes', 'drug_therapy_problems', 'reviews', 'review_reconciliation', 'review_recommendations', 'review_communications', 'review_addenda', 'map_phrases', 'billing_provider', 'billing_pharmacists', 'payers', 'claims', 'claim_batches', 'adherence_outreach'];

/** Malformed payloads of every kind: wrong types, missing fields, huge strings, prototype pollution. */
function payloads(): unknown[] {
  const wrongTypes = [null, 0, -1, 1e308, true, 'text', [], [{}], { query: [] }, { id: 42 }, { patient: 'x' }, { filter: null }, { folder: { path: '/' } }];
  const huge = [
    { query: HUGE },
    { id: HUGE },
    { username: HUGE, password: HUGE },
    { patient: { firstName: HUGE, lastName: 'A', dateOfBirth: '1950-01-01', sex: 'male' } },
    { patient: { firstName: 'A', lastName: 'B', dateOfBirth: '1950-01-01', sex: 'male', allergies: Array.from({ length: 500 }, () => ({ substance: 'x' })) } },
    { filter: { patient: HUGE } },
    { folder: HUGE },
  ];
  const pollution = [
    JSON.parse('{"__proto__": {"polluted": true, "isAdmin": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    JSON.parse('{"patient": {"__proto__": {"polluted": true}, "firstName": "A", "lastName": "B", "dateOfBirth": "1950-01-01", "sex": "male"}}'),
    JSON.parse('{"filter": {"__proto__": {"sort": "id; DROP TABLE audit_log"}}}'),
  ];
  const missing = [{ patient: {} }, { id: null }, { filter: { sort: 'nonexistent' } }, { version: 1 }];
  return [...wrongTypes, ...huge, ...pollution, ...missing];
}

describe('fuzzing the bridge over HTTP', () => {
  it('rejects every malformed payload on every channel, writes nothing, stays unpolluted and keeps serving', async () => {
    const { session } = await newPharmacy();
    const server = await startBridgeServer({ session, staticDir: tempDir() });
    const post = (channel: string, body: string) =>
      fetch(`${server.url}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: server.token }, body });
    const counts = async () => Promise.all(TABLES.map(async (t) => (await session.current().db.query(`SELECT count(*) AS n FROM ${t}`))[0].n));
    const before = await counts();

    let sent = 0;
    for (const channel of CHANNELS) {
      for (const p of payloads()) {
        const res = await post(channel, JSON.stringify(p));
        const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
        sent++;
        // Empty-request channels (status, lock, …) ignore nothing: unknown keys are refused too.
        expect(body.ok, `${channel} ${JSON.stringify(p).slice(0, 80)}`).toBe(false);
        expect(body.error!.code, `${channel} ${JSON.stringify(p).slice(0, 80)}`).toBe('validation');
        expect(body.error!.message).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
      }
    }
    const tooBig = await post('patients:search', JSON.stringify({ query: 'x'.repeat(25 * 1024 * 1024) }));
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ ok: false, error: { code: 'validation', message: 'The request is larger than 24 MB.' } });

    expect(sent).toBe(CHANNELS.length * payloads().length);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(await counts()).toEqual(before);
    const alive = await post('security:status', '{}');
    expect(await alive.json()).toMatchObject({ ok: true, data: { user: { username: 'pharmacist1' } } });
    await server.close();
    await session.signOut();
  });
});
