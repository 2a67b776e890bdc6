// The shared database's password is kept per workstation, never in plain text on disk: sealed by the
// OS keychain through Electron's safeStorage in the app (main/shell passes it in), or, for `mtm` and
// the bridge server outside Electron, with AES-256-GCM under a random key in a file of its own that only
// this OS user can read, kept apart from the data folder (a copied data folder does not carry it).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppError } from '../../common/errors';
import { writeFileAtomic } from '../../common/atomic-file';

export interface Sealer {
  /** What seals, as recorded beside the sealed text (a workstation can tell which it needs). */
  readonly kind: 'keychain' | 'workstation-key';
  seal(text: string): Buffer;
  open(sealed: Buffer): string;
}

/** The workstation key's default place: the OS user's configuration folder. */
export function defaultWorkstationKeyFile(): string {
  const config = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'mtm-desk', 'workstation.key');
}

function workstationKey(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, randomBytes(32).toString('base64'), 0o600);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new AppError('internal', `The workstation key ${file} is damaged. Delete it and connect again.`);
  return key;
}

/** Seals with a key file (created at first use) of this OS user's; by default found when used, not when made. */
export function fileSealer(keyFile?: string): Sealer {
  const file = () => keyFile ?? defaultWorkstationKeyFile();
  return {
    kind: 'workstation-key',
    seal(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', workstationKey(file()), iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', workstationKey(file()), sealed.subarray(0, 12));
        decipher.setAuthTag(sealed.subarray(12, 28));
        return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new AppError(
          'internal',
          'The shared database password saved on this workstation cannot be read here (it was saved by another user or computer). Connect to the shared database again.',
        );
      }
    },
  };
}
