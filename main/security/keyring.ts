// The keyring beside the database: the 32-byte database key, wrapped (AES-256-GCM) once per user
// password and once for the recovery code. The key itself is never written anywhere.
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../common/errors';
import { writeFileAtomic } from '../common/atomic-file';
import { deriveKey, newScryptParams, type ScryptParams } from './kdf';

const slotSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['user', 'recovery']),
  username: z.string().optional(),
  kdf: z.object({ algorithm: z.literal('scrypt'), N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
  iv: z.string(),
  tag: z.string(),
  wrappedKey: z.string(),
  createdAt: z.string(),
});
export type KeySlot = z.infer<typeof slotSchema>;

const keyringSchema = z.object({
  format: z.literal('mtm-desk-keyring'),
  version: z.literal(1),
  databaseId: z.uuid(),
  slots: z.array(slotSchema),
});
export type Keyring = z.infer<typeof keyringSchema>;

export const DATA_KEY_BYTES = 32;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

// Binding each slot to its database, id and owner stops a slot being moved to another keyring or user.
function aad(keyring: Pick<Keyring, 'databaseId'>, slot: Pick<KeySlot, 'id' | 'kind' | 'username'>): Buffer {
  return Buffer.from(`${keyring.databaseId}|${slot.id}|${slot.kind}|${slot.username ?? ''}`);
}

async function wrap(keyring: Pick<Keyring, 'databaseId'>, dataKey: Buffer, secret: string, kind: KeySlot['kind'], username?: string): Promise<KeySlot> {
  const kdf: ScryptParams = newScryptParams();
  const wrappingKey = await deriveKey(secret, kdf);
  const head = { id: randomUUID(), kind, username };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv).setAAD(aad(keyring, head));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  wrappingKey.fill(0);
  return {
    ...head,
    kdf,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    createdAt: new Date().toISOString(),
  };
}

/** Returns the data key, or null when the secret is wrong (GCM authentication fails). */
async function unwrap(keyring: Keyring, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const wrappingKey = await deriveKey(secret, slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.iv, 'base64'))
      .setAAD(aad(keyring, slot))
      .setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    wrappingKey.fill(0);
  }
}

export async function createKeyring(dataKey: Buffer, user: { username: string; password: string }, recoveryCode: string): Promise<Keyring> {
  const keyring: Keyring = { format: 'mtm-desk-keyring', version: 1, databaseId: randomUUID(), slots: [] };
  keyring.slots.push(await wrap(keyring, dataKey, user.password, 'user', user.username));
  keyring.slots.push(await wrap(keyring, dataKey, recoveryCode, 'recovery'));
  return keyring;
}

/** Adds (or replaces) a user's slot; the caller writes the keyring. */
export async function withUserSlot(keyring: Keyring, dataKey: Buffer, username: string, password: string): Promise<Keyring> {
  const slot = await wrap(keyring, dataKey, password, 'user', username);
  return { ...keyring, slots: [...keyring.slots.filter((s) => !(s.kind === 'user' && s.username === username)), slot] };
}

// A slot for unknown usernames so a failed sign-in costs the same time whether or not the user exists.
const DECOY_KDF = newScryptParams();

export async function unlockWithPassword(keyring: Keyring, username: string, password: string): Promise<Buffer | null> {
  const slot = keyring.slots.find((s) => s.kind === 'user' && s.username === username);
  if (!slot) {
    await deriveKey(password, DECOY_KDF);
    return null;
  }
  return unwrap(keyring, slot, password);
}

export async function unlockWithRecoveryCode(keyring: Keyring, code: string): Promise<Buffer | null> {
  const slot = keyring.slots.find((s) => s.kind === 'recovery');
  return slot ? unwrap(keyring, slot, code) : null;
}

export function keyringExists(file: string): boolean {
  return existsSync(file);
}

export function readKeyring(file: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('internal', `The keyring file ${file} cannot be read (${(err as Error).message}). Restore it from a backup.`);
  }
  return parseKeyring(raw, `The keyring file ${file} is damaged. Restore it from a backup.`);
}

export function parseKeyring(raw: unknown, damaged: string): Keyring {
  const parsed = keyringSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('internal', damaged);
  return parsed.data;
}

export function writeKeyring(file: string, keyring: Keyring): void {
  writeFileAtomic(file, `${JSON.stringify(keyring, null, 2)}\n`, 0o600);
}
