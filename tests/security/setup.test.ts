// First-run setup asks for the patient letter's contact details (hours, TTY, fax): given, they are
// the printed-document settings from the start; a bad one is refused with nothing created.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { Session } from '../../main/security/session';
import { SETUP } from '../helpers/setup-data';
import { tempDir } from '../helpers/temp-pharmacy';

const setup = (contact: Record<string, string>) => ({ pharmacy: SETUP.pharmacy, account: SETUP.account, contact });

describe('first-run setup', () => {
  it('keeps the contact details for the patient letter, and the summary’s other settings at their defaults', async () => {
    const session = new Session(tempDir());
    const r = await dispatch(
      session,
      'security:setup',
      setup({ hours: 'Mon–Fri 9–7', tty: '711', fax: '(216) 555-0199' }),
    );
    expect(r.ok).toBe(true);
    const settings = await dispatch(session, 'settings:get', {});
    expect(settings).toMatchObject({
      ok: true,
      data: {
        documents: { hours: 'Mon–Fri 9–7', tty: '711', fax: '2165550199', fileNames: 'reference', takeBackSites: [] },
      },
    });
    await session.signOut();
  });

  it('refuses a fax number without its area code, naming the field, and creates nothing', async () => {
    const dir = tempDir();
    const session = new Session(dir);
    const r = await dispatch(session, 'security:setup', setup({ fax: '555-0199' }));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'contact.fax', message: expect.stringMatching(/area code/) }] },
    });
    expect(existsSync(join(dir, 'keyring.json'))).toBe(false);
  });
});
