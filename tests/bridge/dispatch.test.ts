import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type ChannelName } from '../../preload/contract';
import { PERMISSIONS } from '../../preload/permissions';
import { dispatch } from '../../main/bridge/dispatch';
import { handlers } from '../../main/bridge/handlers';
import { one, run, sql } from '../../main/db/sql';
import { Session } from '../../main/security/session';
import { newPharmacy, tempDir } from '../helpers/temp-pharmacy';

const validPatient = { firstName: 'Hollis', lastName: 'Branwen', dateOfBirth: '1947-05-09', sex: 'male' };

// One near-miss per channel: right shape, one field wrong. A new channel must add its line here.
const NEAR_MISS: Record<ChannelName, { payload: unknown; field: string }> = {
  'security:status': { payload: { verbose: true }, field: '' },
  'security:setup': {
    payload: {
      pharmacy: {
        name: 'X',
        ncpdpId: '1234567',
        npi: '1234567894',
        phone: '2165550100',
        address: { line1: '1 A St', city: 'B', state: 'OH', zip: '44114' },
      },
      account: { username: 'abc', fullName: 'A B', password: 'long enough password' },
    },
    field: 'pharmacy.npi',
  },
  'security:setupDemo': {
    payload: { account: { username: 'demo', fullName: 'Demo', password: 'short' } },
    field: 'account.password',
  },
  'security:signIn': { payload: { username: 'pharmacist1' }, field: 'password' },
  'security:connectShared': { payload: { url: 'postgres://mtm_app@db/mtm', ca: 'x' }, field: 'password' },
  'security:signOut': { payload: { everyone: true }, field: '' },
  'security:restore': { payload: { file: '/tmp/x.mtmbackup', username: 'pharmacist1' }, field: 'password' },
  'security:lock': { payload: { minutes: 5 }, field: '' },
  'security:unlock': { payload: { password: '' }, field: 'password' },
  'security:activity': { payload: { at: 1 }, field: '' },
  'security:breakGlass': {
    payload: {
      username: 'pharmacist1',
      recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE',
      reason: 'forgot',
      newPassword: 'a fine new password',
    },
    field: 'reason',
  },
  'security:changeOwnPassword': {
    payload: { currentPassword: 'same old password', newPassword: 'same old password' },
    field: 'newPassword',
  },
  'users:list': { payload: { all: true }, field: '' },
  'users:add': {
    payload: { username: 'tech1', fullName: 'Tess Tech', role: 'cashier', temporaryPassword: 'temporary password 1' },
    field: 'role',
  },
  'users:update': {
    payload: { username: 'tech1', fullName: 'Tess Tech', role: 'technician', isAdmin: true },
    field: 'isAdmin',
  },
  'users:disable': { payload: { username: 'x' }, field: 'username' },
  'security:rekey': { payload: { reason: '' }, field: 'reason' },
  'users:resetPassword': { payload: { username: 'tech1', temporaryPassword: 'short' }, field: 'temporaryPassword' },
  'audit:search': { payload: { filter: { from: '2026-02-30' } }, field: 'filter.from' },
  'audit:exportCsv': { payload: { filter: { from: '2026-05-02', to: '2026-05-01' } }, field: 'filter.to' },
  'audit:acknowledgeAlarms': { payload: { note: 'short' }, field: 'note' },
  'settings:get': { payload: { key: 'x' }, field: '' },
  'settings:update': { payload: { idleLockMinutes: 0 }, field: 'idleLockMinutes' },
  'backup:create': { payload: { folder: '' }, field: 'folder' },
  'backup:list': { payload: { folder: 7 }, field: 'folder' },
  'patients:search': { payload: { query: 5 }, field: 'query' },
  'patients:get': { payload: { id: 'not-a-uuid' }, field: 'id' },
  'patients:version': { payload: { id: 'not-a-uuid' }, field: 'id' },
  'scanning:bag': { payload: { patientId: 'p1' }, field: 'patientId' },
  'scanning:scan': { payload: { patientId: '00000000-0000-4000-8000-000000000000', code: '   ' }, field: 'code' },
  'scanning:undo': { payload: { patientId: '00000000-0000-4000-8000-000000000000', reviewId: 'r' }, field: 'reviewId' },
  'patients:create': { payload: { patient: { ...validPatient, mbi: '1SG4TE5MK73' } }, field: 'patient.mbi' },
  'patients:update': { payload: { id: randomUUID(), version: 0, patient: validPatient }, field: 'version' },
  'patients:delete': { payload: { id: randomUUID(), reason: '   ' }, field: 'reason' },
  'patients:findDuplicates': {
    payload: { firstName: 'A', lastName: 'B', dateOfBirth: 'yesterday' },
    field: 'dateOfBirth',
  },
  'patients:clinical': { payload: { patientId: 'abc' }, field: 'patientId' },
  'conditions:search': { payload: { query: '' }, field: 'query' },
  'conditions:add': { payload: { patientId: randomUUID(), code: 'Z9' }, field: 'code' },
  'conditions:resolve': { payload: { id: randomUUID(), resolvedOn: '2999-01-01' }, field: 'resolvedOn' },
  'labs:add': { payload: { patientId: randomUUID(), type: 'scr', value: 110, takenOn: '2026-01-05' }, field: 'value' },
  'medications:list': { payload: { patientId: 7 }, field: 'patientId' },
  'medications:add': {
    payload: { patientId: randomUUID(), medication: { product: 'Lisinopril', kind: 'rx', source: 'fax' } },
    field: 'medication.source',
  },
  'medications:update': {
    payload: { id: randomUUID(), version: 1, medication: { product: '', kind: 'rx', source: 'pharmacyFill' } },
    field: 'medication.product',
  },
  'medications:stop': {
    payload: { id: randomUUID(), version: 1, stopDate: '2026-01-01', reason: '' },
    field: 'reason',
  },
  'medications:history': { payload: { id: 'x' }, field: 'id' },
  'medications:translateSig': { payload: { sig: '   ' }, field: 'sig' },
  'checks:patient': { payload: { patientId: 'not-a-uuid' }, field: 'patientId' },
  'checks:dismiss': {
    payload: { patientId: randomUUID(), ruleId: 'ddi.x', fingerprint: 'abc', reason: 'ok for this patient' },
    field: 'fingerprint',
  },
  'checks:population': { payload: { all: true }, field: '' },
  'checks:accept': { payload: { patientId: randomUUID(), ruleId: 'ddi.x', fingerprint: 'ABC' }, field: 'fingerprint' },
  'problems:list': { payload: { patientId: 'x' }, field: 'patientId' },
  'problems:add': {
    payload: {
      patientId: randomUUID(),
      category: 'tooMuch',
      severity: 'major',
      title: 'warfarin',
      description: 'bleeding risk',
    },
    field: 'category',
  },
  'problems:resolve': {
    payload: { id: randomUUID(), resolvedOn: '2999-01-01', resolution: 'Dose lowered by the prescriber' },
    field: 'resolvedOn',
  },
  'problems:reopen': { payload: { id: 'not-a-uuid' }, field: 'id' },
  'genotypes:list': { payload: { patientId: 'x' }, field: 'patientId' },
  'genotypes:add': {
    payload: { patientId: randomUUID(), gene: 'CYP2C19', result: 'Slow', testedOn: '2025-01-01' },
    field: 'result',
  },
  'reviews:create': { payload: { patientId: randomUUID(), type: 'annual' }, field: 'type' },
  'reviews:get': { payload: { id: 'review-1' }, field: 'id' },
  'reviews:version': { payload: { id: 'review-1' }, field: 'id' },
  'reviews:forPatient': { payload: { patientId: 7 }, field: 'patientId' },
  'reviews:update': {
    payload: { id: randomUUID(), version: 1, changes: { cmrDate: '2999-01-01' } },
    field: 'changes.cmrDate',
  },
  'reviews:act': { payload: { id: randomUUID(), version: 1, action: 'finish' }, field: 'action' },
  'reviews:correctMinutes': {
    payload: { id: randomUUID(), version: 1, minutes: 20, reason: '' },
    field: 'reason',
  },
  'reviews:timer': {
    payload: { id: randomUUID(), version: 1, timer: { correctMinutes: -5 } },
    field: 'timer.correctMinutes',
  },
  'reviews:resolveLine': {
    payload: { id: randomUUID(), version: 1, lineKey: 'lisinopril', resolution: 'maybe' },
    field: 'resolution',
  },
  'reviews:saveReason': {
    payload: { id: randomUUID(), lineKey: 'metformin', reason: ' ' },
    field: 'reason',
  },
  'reviews:saveRecommendation': {
    payload: {
      id: randomUUID(),
      version: 1,
      recommendation: {
        problemId: randomUUID(),
        action: 'stop',
        actor: 'prescriber',
        detail: 'Stop the duplicate NSAID',
      },
    },
    field: 'recommendation.prescriberId',
  },
  'reviews:removeRecommendation': {
    payload: { id: randomUUID(), version: 1, recommendationId: 'first' },
    field: 'recommendationId',
  },
  'reviews:saveCommunication': {
    payload: {
      id: randomUUID(),
      version: 1,
      prescriberId: randomUUID(),
      method: 'fax',
      sentDate: '2026-01-10',
      dueDate: '2026-01-03',
    },
    field: 'dueDate',
  },
  'reviews:recordOutcome': {
    payload: { id: randomUUID(), version: 1, recommendationId: randomUUID(), outcome: 'ignored', date: '2026-01-10' },
    field: 'outcome',
  },
  'reviews:addAddendum': { payload: { id: randomUUID(), text: '' }, field: 'text' },
  'reviews:today': { payload: { date: '2026-01-10' }, field: '' },
  'billing:setup': { payload: { refresh: true }, field: '' },
  'billing:saveProvider': {
    payload: {
      legalName: 'X Pharmacy',
      npi: '1245319599',
      taxId: '12-3456789',
      taxonomy: '3336C0003X',
      address: { line1: '1 Main', city: 'Akron', state: 'OH', zip: '44308' },
      phone: '3305550100',
    },
    field: 'address.zip',
  },
  'billing:savePharmacist': {
    payload: {
      username: 'pharmacist1',
      firstName: 'Lee',
      lastName: 'Ambrose',
      npi: '1245319590',
      taxonomy: '183500000X',
    },
    field: 'npi',
  },
  'billing:savePayer': {
    payload: {
      name: 'Plan',
      payerId: 'P1',
      kind: 'partD',
      submitterId: 'S1',
      receiverId: 'R1',
      receiverName: 'Clearinghouse',
      claimFilingCode: 'CI',
      unitRule: 'hours',
      fees: { '99605': 60, '99606': 45, '99607': 30 },
    },
    field: 'unitRule',
  },
  'claims:preview': { payload: { reviewId: 'r-1', payerId: randomUUID() }, field: 'reviewId' },
  'claims:create': { payload: { reviewId: randomUUID(), payerId: 'payer' }, field: 'payerId' },
  'claims:batches': { payload: { all: true }, field: '' },
  'claims:calibrationPage': { payload: { all: true }, field: '' },
  'adherence:patient': { payload: { patientId: randomUUID(), months: 5 }, field: 'months' },
  'adherence:worklist': { payload: { lateDays: 0 }, field: 'lateDays' },
  'adherence:outreach': { payload: { patientId: 'me' }, field: 'patientId' },
  'adherence:logOutreach': {
    payload: { patientId: randomUUID(), attemptedOn: '2026-11-30', method: 'pigeon', result: 'reached' },
    field: 'method',
  },
  'reports:summary': { payload: { from: '2026-12-01', to: '2026-01-01' }, field: 'to' },
  'reports:mtmDataElements': { payload: { contractYear: 1999 }, field: 'contractYear' },
  'claims:batchFile': { payload: { id: 7 }, field: 'id' },
  'claims:list': { payload: { status: 'lost' }, field: 'status' },
  'claims:act': {
    payload: { action: 'paid', id: randomUUID(), version: 1, paidAmount: -5, paidDate: '2026-01-01' },
    field: 'paidAmount',
  },
  'claims:exportPreview': {
    payload: { format: '837p', from: '2026-02-01', to: '2026-01-01', payerId: randomUUID() },
    field: 'to',
  },
  'claims:export': {
    payload: { format: '837p', from: '2026-01-01', to: '2026-01-31', payerId: randomUUID(), claims: [{ id: 'all' }] },
    field: 'claims.0.id',
  },
  'documents:make': { payload: { kind: 'cmrSummary', reviewId: randomUUID(), language: 'fr' }, field: 'language' },
  'documents:carePlan': { payload: { reviewId: 'latest' }, field: 'reviewId' },
  'documents:sent': {
    payload: { kind: 'prescriberLetter', reviewId: randomUUID(), version: 1 },
    field: 'prescriberId',
  },
  'phrases:list': { payload: { action: 'stop' }, field: '' },
  'phrases:save': {
    payload: { action: 'stop', label: 'Stop', talkedAbout: 'Stopping {medicine}.', toDo: '' },
    field: 'toDo',
  },
  'phrases:delete': { payload: { id: 'all' }, field: 'id' },
  'drugs:search': { payload: { query: 'at' }, field: 'query' },
  'drugs:status': { payload: { release: 'x' }, field: '' },
  'eligibility:criteria': { payload: { contractYear: 1999 }, field: 'contractYear' },
  'eligibility:setCriteria': {
    payload: {
      contractYear: 2025,
      criteria: { minDiseases: 3, minDrugs: 9, costThreshold: 1623, diseases: ['diabetes'] },
    },
    field: 'criteria.minDrugs',
  },
  'eligibility:screen': { payload: { contractYear: 2025, asOf: '2025-02-30' }, field: 'asOf' },
  'eligibility:record': {
    payload: {
      action: 'optOut',
      patientId: randomUUID(),
      contractYear: 2025,
      version: 0,
      date: '2025-03-01',
      reason: 'bored',
    },
    field: 'reason',
  },
  'fills:preview': {
    payload: { file: { name: 'x.csv', base64: 'QQ==' }, mapping: { cost: 7 } },
    field: 'mapping.cost',
  },
  'fills:import': {
    payload: { file: { name: 'x.csv', base64: 'QQ==' }, mapping: { ndc: 'NDC' } },
    field: 'mapping.lastName',
  },
  'prescribers:search': { payload: { query: 'x'.repeat(101) }, field: 'query' },
  'prescribers:get': { payload: { id: '12' }, field: 'id' },
  'prescribers:create': {
    payload: { prescriber: { npi: '1234567893', firstName: 'A', lastName: 'B', preferredContact: 'fax' } },
    field: 'prescriber.fax',
  },
  'prescribers:update': {
    payload: {
      id: randomUUID(),
      version: 1,
      prescriber: { npi: '1234567893', firstName: 'A', lastName: 'B', dea: 'AB1234567', preferredContact: 'portal' },
    },
    field: 'prescriber.dea',
  },
};

async function tableCounts(session: Session) {
  const { db } = session.current();
  const tables = ['pharmacy', 'users', 'patients', 'patient_allergies'];
  const count = async (t: string) =>
    (await one<{ n: number }>(db, sql`SELECT count(*) AS n FROM ${sql.identifiers(t)}`))!.n;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)])));
}

describe('the bridge dispatcher', () => {
  it('implements exactly the channels of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('answers malformed requests on every channel with a validation error and writes nothing', async () => {
    const { session } = await newPharmacy();
    const created = await dispatch(session, 'patients:create', {
      patient: { ...validPatient, allergies: [{ substance: 'Codeine' }] },
    });
    expect(created.ok).toBe(true);
    const before = await tableCounts(session);

    for (const channel of CHANNELS) {
      for (const payload of [42, 'text', [1, 2], { bogus: true }]) {
        const result = await dispatch(session, channel, payload);
        expect(result, `${channel} ${JSON.stringify(payload)}`).toMatchObject({
          ok: false,
          error: { code: 'validation' },
        });
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
    // Well-formed requests that need a signed-in user are refused before any handler runs.
    const wellFormed: Partial<Record<ChannelName, unknown>> = {
      'patients:search': { query: 'a' },
      'patients:get': { id: randomUUID() },
      'users:list': {},
      'audit:search': { filter: {} },
      'settings:get': {},
      'backup:list': { folder: tempDir() },
    };
    for (const [channel, payload] of Object.entries(wellFormed)) {
      expect(PERMISSIONS[channel as ChannelName]).not.toBe('public');
      expect(await dispatch(session, channel, payload), channel).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
    }
    expect(await dispatch(session, 'patients:drop', {})).toMatchObject({
      ok: false,
      error: { code: 'unknownChannel' },
    });
    expect(await dispatch(session, 'constructor', {})).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
  });

  it('turns an unexpected failure into a plain message with a reference, never a stack trace', async () => {
    const { session } = await newPharmacy();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await run(session.current().db, sql`DROP TABLE patient_allergies`);
    const result = await dispatch(session, 'patients:create', { patient: validPatient });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(
        /^Something went wrong and the action did not complete \(reference [0-9A-F]{8}\)/,
      );
      expect(result.error.message).not.toMatch(/SQLITE|no such table|\.ts:/);
    }
    expect(log).toHaveBeenCalled();
    // The transaction rolled back: no patient row without its allergies.
    expect((await one<{ n: number }>(session.current().db, sql`SELECT count(*) AS n FROM patients`))!.n).toBe(0);
    log.mockRestore();
    await session.signOut();
  });
});
