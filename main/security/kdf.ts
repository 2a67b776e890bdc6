import { randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

// OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 at minimum.
export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;

export function newScryptParams(): ScryptParams {
  return { algorithm: 'scrypt', ...SCRYPT_COST, salt: randomBytes(16).toString('base64') };
}

/** Derives a 32-byte wrapping key; async so a server keeps answering while it works (~0.3 s). */
export function deriveKey(secret: string, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scryptCb(secret.normalize('NFKC'), Buffer.from(params.salt, 'base64'), 32, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}
