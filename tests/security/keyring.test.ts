import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createKeyring,
  newDataKey,
  readKeyring,
  unlockWithPassword,
  unlockWithRecoveryCode,
  withUserSlot,
  writeKeyring,
} from '../../main/security/keyring';
import { newRecoveryCode, normalizeRecoveryCode } from '../../main/security/recovery-code';
import { SCRYPT_COST } from '../../main/security/kdf';
import { tempDir } from '../helpers/temp-pharmacy';

describe('keyring', () => {
  it('unwraps the same key with the right password or the recovery code, and nothing with a wrong one', async () => {
    const key = newDataKey();
    const code = newRecoveryCode();
    const ring = await createKeyring(key, { username: 'ana', password: 'a long enough secret' }, code);

    expect((await unlockWithPassword(ring, 'ana', 'a long enough secret'))?.equals(key)).toBe(true);
    expect(await unlockWithPassword(ring, 'ana', 'a long enough secreT')).toBeNull();
    expect(await unlockWithPassword(ring, 'nobody', 'a long enough secret')).toBeNull();
    expect((await unlockWithRecoveryCode(ring, code))?.equals(key)).toBe(true);
    expect(
      await unlockWithRecoveryCode(
        ring,
        code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).toBeNull();
  });

  it('never stores the key or the password, and uses scrypt at OWASP strength', async () => {
    const key = newDataKey();
    const dir = tempDir();
    const file = join(dir, 'keyring.json');
    writeKeyring(
      file,
      await createKeyring(key, { username: 'ana', password: 'a long enough secret' }, newRecoveryCode()),
    );
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    expect(text).not.toContain('a long enough secret');
    for (const slot of readKeyring(file).slots) expect(slot.kdf).toMatchObject({ algorithm: 'scrypt', ...SCRYPT_COST });
    expect(SCRYPT_COST.N).toBeGreaterThanOrEqual(2 ** 17);
  });

  it('writes atomically, owner-only, leaving no temp file behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'keyring.json');
    const key = newDataKey();
    const ring = await createKeyring(key, { username: 'ana', password: 'a long enough secret' }, newRecoveryCode());
    writeKeyring(file, ring);
    writeKeyring(file, await withUserSlot(ring, key, 'ben', 'another long secret'));
    expect(readdirSync(dir)).toEqual(['keyring.json']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readKeyring(file).slots.map((s) => s.username ?? s.kind)).toEqual(['ana', 'recovery', 'ben']);
  });

  it('binds a slot to its user: renaming the slot in the file does not let another name unlock it', async () => {
    const dir = tempDir();
    const file = join(dir, 'keyring.json');
    writeKeyring(
      file,
      await createKeyring(newDataKey(), { username: 'ana', password: 'a long enough secret' }, newRecoveryCode()),
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace('"username": "ana"', '"username": "mallory"'));
    expect(await unlockWithPassword(readKeyring(file), 'mallory', 'a long enough secret')).toBeNull();
  });

  it('reports a damaged keyring plainly', () => {
    const dir = tempDir();
    const file = join(dir, 'keyring.json');
    writeFileSync(file, '{"format":"something else"}');
    expect(() => readKeyring(file)).toThrow(/damaged\. Restore it from a backup/);
  });
});

describe('recovery code', () => {
  it('is 160 bits in Crockford base32, and forgives how people type it back', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(newRecoveryCode()).not.toBe(code);
    expect(normalizeRecoveryCode(' abcd efgh-ijkl-mnop ')).toBe('ABCD-EFGH-1JK1-MN0P');
  });
});
