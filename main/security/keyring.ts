// The keyring beside the database. The 32-byte database key is never written anywhere: each user
// slot (and the recovery slot) holds an X25519 key pair whose private half is wrapped under a key
// derived from the password (scrypt, AES-256-GCM), and the database key sealed to the public half.
// Sealing to public keys lets the database key be replaced (re-keyed) without knowing anyone's
// password: the new key is sealed to every remaining slot, a removed user's old private key opens
// nothing new. The keyring also holds the key pair that authenticates events recorded while the
// database is closed, and the audit trail's anchor (its last row, authenticated with the data key).
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../common/errors';
import { writeFileAtomic } from '../common/atomic-file';
import { deriveKey, newScryptParams, type ScryptParams } from './kdf';

const b64 = z.string().min(1);
const boxSchema = z.object({ iv: b64, tag: b64, data: b64 }).strict();
const sealedSchema = boxSchema.extend({ ephemeral: b64 }).strict();
const kdfSchema = z.object({
  algorithm: z.literal('scrypt'),
  N: z.number(),
  r: z.number(),
  p: z.number(),
  salt: z.string(),
});

/**
 * Version 1 slots wrapped the data key under the password-derived key directly; they are upgraded at their owner's next
 * sign-in.
 */
const slotV1Schema = z.object({
  id: z.uuid(),
  kind: z.enum(['user', 'recovery']),
  username: z.string().optional(),
  kdf: kdfSchema,
  iv: z.string(),
  tag: z.string(),
  wrappedKey: z.string(),
  createdAt: z.string(),
});
const slotV2Schema = z.object({
  id: z.uuid(),
  kind: z.enum(['user', 'recovery']),
  username: z.string().optional(),
  kdf: kdfSchema,
  publicKey: b64,
  privateKey: boxSchema,
  dataKey: sealedSchema,
  createdAt: z.string(),
});
const slotSchema = z.union([slotV2Schema, slotV1Schema]);
export type KeySlot = z.infer<typeof slotSchema>;
type SlotV2 = z.infer<typeof slotV2Schema>;

const anchorSchema = z.object({ lastId: z.number().int().min(0), hash: z.string(), mac: z.string() }).strict();
export type AuditAnchor = z.infer<typeof anchorSchema>;

const keyringSchema = z.object({
  format: z.literal('mtm-desk-keyring'),
  version: z.union([z.literal(1), z.literal(2)]),
  databaseId: z.uuid(),
  /** Changes at every re-key: which data key this keyring seals. */
  keyId: z.uuid().optional(),
  slots: z.array(slotSchema),
  /** Authenticates sign-in failures written while the database is closed (private half under the data key). */
  pending: z.object({ publicKey: b64, privateKey: boxSchema }).strict().optional(),
  auditAnchor: anchorSchema.optional(),
});
export type Keyring = z.infer<typeof keyringSchema>;

export const DATA_KEY_BYTES = 32;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

const isV2 = (s: KeySlot): s is SlotV2 => 'publicKey' in s;

// Binding each box to its database, slot and owner stops a slot being moved to another keyring or user.
function aad(
  keyring: Pick<Keyring, 'databaseId'>,
  slot: Pick<KeySlot, 'id' | 'kind' | 'username'>,
  part: string,
): Buffer {
  return Buffer.from(`${keyring.databaseId}|${slot.id}|${slot.kind}|${slot.username ?? ''}|${part}`);
}

function box(key: Buffer, plain: Buffer, associated: Buffer): z.infer<typeof boxSchema> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(associated);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The plain bytes, or null when the key is wrong or anything was changed (GCM authentication fails). */
function unbox(key: Buffer, b: z.infer<typeof boxSchema>, associated: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(b.iv, 'base64'))
      .setAAD(associated)
      .setAuthTag(Buffer.from(b.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(b.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

const exportPublic = (k: KeyObject) => k.export({ type: 'spki', format: 'der' }).toString('base64');
const importPublic = (b: string) => createPublicKey({ key: Buffer.from(b, 'base64'), type: 'spki', format: 'der' });
const importPrivate = (der: Buffer) => createPrivateKey({ key: der, type: 'pkcs8', format: 'der' });

/** The AES key two X25519 halves agree on, bound to the ephemeral half and a purpose. */
const agree = (privateKey: KeyObject, publicKey: KeyObject, ephemeral: string, purpose: string) =>
  Buffer.from(
    hkdfSync('sha256', diffieHellman({ privateKey, publicKey }), Buffer.from(ephemeral, 'base64'), purpose, 32),
  );

/** Seals bytes to a public key: only its private half can open them. */
function seal(publicKey: string, plain: Buffer, associated: Buffer): z.infer<typeof sealedSchema> {
  const eph = generateKeyPairSync('x25519');
  const ephemeral = exportPublic(eph.publicKey);
  const key = agree(eph.privateKey, importPublic(publicKey), ephemeral, 'mtm-desk sealed data key');
  return { ephemeral, ...box(key, plain, associated) };
}

function unseal(privateKey: KeyObject, s: z.infer<typeof sealedSchema>, associated: Buffer): Buffer | null {
  return unbox(agree(privateKey, importPublic(s.ephemeral), s.ephemeral, 'mtm-desk sealed data key'), s, associated);
}

/** A new slot: a fresh key pair, its private half under the secret, the data key sealed to it. */
async function newSlot(
  keyring: Pick<Keyring, 'databaseId'>,
  dataKey: Buffer,
  secret: string,
  kind: KeySlot['kind'],
  username?: string,
): Promise<SlotV2> {
  const kdf: ScryptParams = newScryptParams();
  const head = { id: randomUUID(), kind, username };
  const pair = generateKeyPairSync('x25519');
  const publicKey = exportPublic(pair.publicKey);
  const wrappingKey = await deriveKey(secret, kdf);
  const privateKey = box(
    wrappingKey,
    pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
    aad(keyring, head, 'private'),
  );
  wrappingKey.fill(0);
  return {
    ...head,
    kdf,
    publicKey,
    privateKey,
    dataKey: seal(publicKey, dataKey, aad(keyring, head, 'data')),
    createdAt: new Date().toISOString(),
  };
}

/** The data key from a slot, or null when the secret is wrong. */
async function openSlot(keyring: Keyring, slot: KeySlot, secret: string): Promise<Buffer | null> {
  const wrappingKey = await deriveKey(secret, slot.kdf);
  try {
    if (!isV2(slot)) {
      const v1 = { iv: slot.iv, tag: slot.tag, data: slot.wrappedKey };
      return unbox(
        wrappingKey,
        v1,
        Buffer.from(`${keyring.databaseId}|${slot.id}|${slot.kind}|${slot.username ?? ''}`),
      );
    }
    const der = unbox(wrappingKey, slot.privateKey, aad(keyring, slot, 'private'));
    return der && unseal(importPrivate(der), slot.dataKey, aad(keyring, slot, 'data'));
  } finally {
    wrappingKey.fill(0);
  }
}

function newPending(dataKey: Buffer, databaseId: string): NonNullable<Keyring['pending']> {
  const pair = generateKeyPairSync('x25519');
  return {
    publicKey: exportPublic(pair.publicKey),
    privateKey: box(
      dataKey,
      pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
      Buffer.from(`${databaseId}|pending`),
    ),
  };
}

export async function createKeyring(
  dataKey: Buffer,
  user: { username: string; password: string },
  recoveryCode: string,
): Promise<Keyring> {
  const databaseId = randomUUID();
  const keyring: Keyring = {
    format: 'mtm-desk-keyring',
    version: 2,
    databaseId,
    keyId: randomUUID(),
    slots: [],
    pending: newPending(dataKey, databaseId),
  };
  keyring.slots.push(await newSlot(keyring, dataKey, user.password, 'user', user.username));
  keyring.slots.push(await newSlot(keyring, dataKey, recoveryCode, 'recovery'));
  return keyring;
}

/** Adds (or replaces) a user's slot, with a new key pair; the caller writes the keyring. */
export async function withUserSlot(
  keyring: Keyring,
  dataKey: Buffer,
  username: string,
  password: string,
): Promise<Keyring> {
  const slot = await newSlot(keyring, dataKey, password, 'user', username);
  return {
    ...keyring,
    version: 2,
    pending: keyring.pending ?? newPending(dataKey, keyring.databaseId),
    slots: [...keyring.slots.filter((s) => !(s.kind === 'user' && s.username === username)), slot],
  };
}

/** Whether a user's slot is of the first format (upgraded at sign-in, when the password is at hand). */
export const hasOldSlot = (keyring: Keyring, username: string) =>
  keyring.slots.some((s) => s.kind === 'user' && s.username === username && !isV2(s));

// A slot for unknown usernames so a failed sign-in costs the same time whether or not the user exists.
const DECOY_KDF = newScryptParams();

export async function unlockWithPassword(keyring: Keyring, username: string, password: string): Promise<Buffer | null> {
  const slot = keyring.slots.find((s) => s.kind === 'user' && s.username === username);
  if (!slot) {
    await deriveKey(password, DECOY_KDF);
    return null;
  }
  return openSlot(keyring, slot, password);
}

export async function unlockWithRecoveryCode(keyring: Keyring, code: string): Promise<Buffer | null> {
  const slot = keyring.slots.find((s) => s.kind === 'recovery');
  return slot ? openSlot(keyring, slot, code) : null;
}

export interface RekeyPlan {
  /** Users whose slots go (disabled, or left). */
  remove?: string[];
  /** A user whose password was just changed: a new key pair under the new password. */
  renew?: { username: string; password: string };
  recoveryCode: string;
}

/**
 * The keyring for a new data key: sealed again to every remaining slot's public key, a new recovery
 * slot, a new pending key pair. Slots of the first format cannot be sealed to (they have no public
 * key) and are dropped: `dropped` names their users, who need a new temporary password.
 */
export async function rekeyedKeyring(
  keyring: Keyring,
  newKey: Buffer,
  plan: RekeyPlan,
): Promise<{ keyring: Keyring; dropped: string[] }> {
  const next: Keyring = {
    format: 'mtm-desk-keyring',
    version: 2,
    databaseId: keyring.databaseId,
    keyId: randomUUID(),
    slots: [],
    pending: newPending(newKey, keyring.databaseId),
  };
  const dropped: string[] = [];
  for (const s of keyring.slots) {
    if (
      s.kind === 'recovery' ||
      (s.username && plan.remove?.includes(s.username)) ||
      s.username === plan.renew?.username
    )
      continue;
    if (!isV2(s)) {
      dropped.push(s.username ?? '');
      continue;
    }
    // The private half stays wrapped under the owner's password (bound to the slot's id, kept); only the data key is
    // sealed anew.
    next.slots.push({ ...s, dataKey: seal(s.publicKey, newKey, aad(next, s, 'data')) });
  }
  if (plan.renew) next.slots.push(await newSlot(next, newKey, plan.renew.password, 'user', plan.renew.username));
  next.slots.push(await newSlot(next, newKey, plan.recoveryCode, 'recovery'));
  return { keyring: next, dropped };
}

/** The pending-events private key, opened with the data key. */
export function pendingPrivateKey(keyring: Keyring, dataKey: Buffer): KeyObject | null {
  if (!keyring.pending) return null;
  const der = unbox(dataKey, keyring.pending.privateKey, Buffer.from(`${keyring.databaseId}|pending`));
  return der && importPrivate(der);
}

/** For a writer without the data key: an ephemeral pair and the MAC key it shares with the pending key. */
export function pendingWriterKey(keyring: Keyring): { ephemeral: string; macKey: Buffer } | null {
  if (!keyring.pending) return null;
  const eph = generateKeyPairSync('x25519');
  const ephemeral = exportPublic(eph.publicKey);
  return {
    ephemeral,
    macKey: agree(eph.privateKey, importPublic(keyring.pending.publicKey), ephemeral, 'mtm-desk pending events'),
  };
}

/** The MAC key a writer used, recovered by the reader with the pending private key. */
export const pendingReaderKey = (privateKey: KeyObject, ephemeral: string) =>
  agree(privateKey, importPublic(ephemeral), ephemeral, 'mtm-desk pending events');

/** The audit anchor: the last row's id and hash, authenticated with a key derived from the data key. */
export function anchorFor(
  dataKey: Buffer,
  keyring: Pick<Keyring, 'databaseId'>,
  lastId: number,
  hash: string,
): AuditAnchor {
  return { lastId, hash, mac: anchorMac(dataKey, keyring, lastId, hash) };
}
function anchorMac(dataKey: Buffer, keyring: Pick<Keyring, 'databaseId'>, lastId: number, hash: string): string {
  const macKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(keyring.databaseId), 'mtm-desk audit anchor', 32));
  return createHmac('sha256', macKey).update(`${lastId}|${hash}`).digest('hex');
}
/** Whether the anchor was written by someone holding the data key (not edited in the file). */
export function anchorAuthentic(dataKey: Buffer, keyring: Keyring, anchor: AuditAnchor): boolean {
  const expected = Buffer.from(anchorMac(dataKey, keyring, anchor.lastId, anchor.hash), 'hex');
  const given = Buffer.from(anchor.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function keyringExists(file: string): boolean {
  return existsSync(file);
}

export function readKeyring(file: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError(
      'internal',
      `The keyring file ${file} cannot be read (${(err as Error).message}). Restore it from a backup.`,
    );
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
