// "Today" is the pharmacy's date. Before, it was UTC's: after 7 pm on the East Coast (4 pm in
// California) every default date, due date and "not in the future" check used tomorrow.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { ageOn, formatInstant, setPharmacyTimeZone, todayIso } from '../../preload/schemas/dates';
import { newPharmacy } from '../helpers/temp-pharmacy';

const computerZone = process.env.TZ;
afterEach(() => {
  vi.useRealTimers();
  process.env.TZ = computerZone;
  setPharmacyTimeZone(null);
});

/** The computer's clock and zone, as at a counter in that city. */
function at(instant: string, zone: string) {
  process.env.TZ = zone;
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(instant) });
}

describe("the pharmacy's local date", () => {
  it('at 23:30 in Los Angeles today is still that day (UTC is already tomorrow)', () => {
    at('2026-12-02T07:30:00Z', 'America/Los_Angeles');
    expect(todayIso()).toBe('2026-12-01');
    expect(formatInstant(new Date().toISOString())).toBe('12/01/2026');
    expect(ageOn('1950-12-02')).toBe(75); // the birthday is tomorrow in Los Angeles
  });

  it('at 00:30 in New York today is the new day; a pharmacy zone set in settings wins over the computer', () => {
    at('2026-12-02T05:30:00Z', 'America/New_York');
    expect(todayIso()).toBe('2026-12-02');
    setPharmacyTimeZone('America/Los_Angeles');
    expect(todayIso()).toBe('2026-12-01');
  });

  it('through the bridge at 23:30 in Los Angeles: a lab taken today is accepted, one dated tomorrow is refused', async () => {
    const { session } = await newPharmacy();
    at('2026-12-02T07:30:00Z', 'America/Los_Angeles');
    const created = await dispatch(session, 'patients:create', {
      patient: { firstName: 'Ines', lastName: 'Albright', dateOfBirth: '1940-05-05', sex: 'female' },
    });
    const patientId = created.ok ? (created.data as { id: string }).id : '';
    const today = await dispatch(session, 'labs:add', { patientId, type: 'scr', value: 1.1, takenOn: '2026-12-01' });
    expect(today).toMatchObject({ ok: true });
    const tomorrow = await dispatch(session, 'labs:add', { patientId, type: 'scr', value: 1.1, takenOn: '2026-12-02' });
    expect(tomorrow).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'The date measured cannot be in the future' },
    });

    // The pharmacy says it is in New York: now it is already 12/02 there.
    expect(await dispatch(session, 'settings:update', { timeZone: 'America/New_York' })).toMatchObject({
      ok: true,
      data: { timeZone: 'America/New_York' },
    });
    expect(await dispatch(session, 'security:status', {})).toMatchObject({
      ok: true,
      data: { timeZone: 'America/New_York' },
    });
    expect(
      await dispatch(session, 'labs:add', { patientId, type: 'scr', value: 1.2, takenOn: '2026-12-02' }),
    ).toMatchObject({ ok: true });
    expect(await dispatch(session, 'settings:update', { timeZone: 'Mars/Olympus_Mons' })).toMatchObject({
      ok: false,
      error: { field: 'timeZone', message: 'Choose a time zone from the list' },
    });
    await session.signOut();
  });
});
