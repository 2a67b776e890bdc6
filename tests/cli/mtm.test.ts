import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import { createPatient } from '../../main/patients/patient-store';
import { Session } from '../../main/security/session';
import { mtm } from '../helpers/mtm-cli';
import { fingerprint, patient, tempDir } from '../helpers/temp-pharmacy';

const PASSWORD = 'maple syrup in march';

describe('mtm init and check', () => {
  it('init creates an encrypted pharmacy and prints the recovery code; check opens it and counts records', async () => {
    const data = join(tempDir(), 'pharmacy');
    const init = mtm(['init', '--data', data, '--pharmacy', 'Birchwood Apothecary', '--user', 'rphadmin'], {
      stdin: `${PASSWORD}\n`,
    });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Created the pharmacy "Birchwood Apothecary"');
    expect(init.stdout).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/m);

    // Add a patient through the domain code, then check counts it.
    const session = new Session(data);
    await session.signIn({ username: 'rphadmin', password: PASSWORD });
    await createPatient(session.current().db, session.current().user, patient(), false);
    await session.signOut();

    const check = mtm(['check', '--data', data, '--user', 'rphadmin', '--json'], { env: { MTM_PASSWORD: PASSWORD } });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual({
      ok: true,
      backend: 'sqlite',
      integrity: 'ok',
      connection: null,
      schemaVersion: new (MIGRATIONS.at(-1)!)().name,
      migrations: MIGRATIONS.length,
      counts: expect.objectContaining({ users: 1, patients: 1, removedPatients: 0, allergies: 1 }),
    });
    const text = mtm(['check', '--data', data, '--user', 'rphadmin'], { stdin: PASSWORD });
    expect(text.stdout).toContain('Integrity: ok');
    expect(text.stdout).toContain('Patients: 1 (0 removed)');
  });

  it('fails with exit 1 and one line on stderr, changing nothing', () => {
    const data = join(tempDir(), 'pharmacy');
    expect(
      mtm(['init', '--data', data, '--pharmacy', 'Birchwood Apothecary', '--user', 'rphadmin'], { stdin: PASSWORD })
        .code,
    ).toBe(0);
    const before = fingerprint(join(data, 'mtm-desk.db'), join(data, 'keyring.json'));

    const cases = [
      {
        args: ['check', '--data', data, '--user', 'rphadmin'],
        stdin: 'wrong password entirely',
        reason: /username or password is incorrect/,
      },
      {
        args: ['init', '--data', data, '--pharmacy', 'Again', '--user', 'x1x'],
        stdin: PASSWORD,
        reason: /already set up/,
      },
      {
        args: ['init', '--data', join(data, 'new'), '--pharmacy', 'Weak', '--user', 'abc'],
        stdin: 'short',
        reason: /at least 12 characters/,
      },
      {
        args: ['init', '--data', join(data, 'new'), '--pharmacy', 'Bad NPI', '--user', 'abc', '--npi', '1234567894'],
        stdin: PASSWORD,
        reason: /check digit/,
      },
      { args: ['check', '--user', 'rphadmin'], stdin: PASSWORD, reason: /Missing --data/ },
      { args: ['check', '--data', data], stdin: '', reason: /Missing --user/ },
      { args: ['frobnicate'], stdin: '', reason: /Unknown command "frobnicate"/ },
    ];
    for (const c of cases) {
      const r = mtm(c.args, { stdin: c.stdin });
      expect(r.code, c.args.join(' ')).toBe(1);
      expect(r.stderr, c.args.join(' ')).toMatch(c.reason);
      if (c.args[0] !== 'frobnicate') expect(r.stderr.trim().split('\n'), c.args.join(' ')).toHaveLength(1);
    }
    expect(fingerprint(join(data, 'mtm-desk.db'), join(data, 'keyring.json'))).toEqual(before);
  });
});

describe('mtm backup, restore and audit verify', () => {
  it('backs up, restores into an empty folder with a password or the recovery code, and verifies the audit chain', () => {
    const root = tempDir();
    const data = join(root, 'pharmacy');
    const init = mtm(['init', '--data', data, '--pharmacy', 'Birchwood Apothecary', '--user', 'rphadmin'], {
      stdin: PASSWORD,
    });
    const code = /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/m.exec(init.stdout)![0];
    const out = join(root, 'backups', 'nightly.mtmbackup');

    const backup = mtm(['backup', '--data', data, '--user', 'rphadmin', '--out', out], { stdin: PASSWORD });
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backup written: .*nightly\.mtmbackup \(\d+ KiB; 0 patients, 1 users, \d+ audit entries\)\.$/m,
    );

    const restored = mtm(['restore', '--data', join(root, 'restored'), '--from', out, '--user', 'rphadmin'], {
      stdin: PASSWORD,
    });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('integrity ok; 0 patients, 1 users');
    expect(mtm(['restore', '--data', join(root, 'by-code'), '--from', out, '--recovery'], { stdin: code }).code).toBe(
      0,
    );
    const again = mtm(['restore', '--data', join(root, 'restored'), '--from', out, '--user', 'rphadmin'], {
      stdin: PASSWORD,
    });
    expect([again.code, again.stderr.trim()]).toEqual([
      1,
      `mtm restore: ${join(root, 'restored')} already holds a pharmacy. Restore into an empty data folder.`,
    ]);

    const verify = mtm(['audit', 'verify', '--data', join(root, 'restored'), '--user', 'rphadmin'], {
      stdin: PASSWORD,
    });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(
      /^Audit trail intact: \d+ entries, every link verified, and the trail matches the keyring's anchor\.$/m,
    );
    expect(mtm(['audit', 'frob'], {}).stderr).toMatch(/Unknown audit command "frob"/);
  });
});
