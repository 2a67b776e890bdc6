// Which shared pharmacy database a workstation uses (issue 21): the connection URL without its password,
// the server's CA certificate, and the password sealed for this workstation (./workstation-seal), in
// shared-database.json in the data folder. A folder with this file works on the server; without it, on
// the encrypted file beside it.
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TlsOptions } from 'node:tls';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { writeFileAtomic } from '../../common/atomic-file';
import type { Sealer } from './workstation-seal';

export const SHARED_CONFIG_FILE = 'shared-database.json';

const configSchema = z.object({
  format: z.literal(1),
  url: z.string(),
  ca: z.string(),
  password: z.object({ sealedBy: z.enum(['keychain', 'workstation-key']), data: z.string() }),
  savedAt: z.string(),
});
export type SharedConfig = z.infer<typeof configSchema>;

/** What a person types to connect: the URL, the server's CA certificate (PEM) and the app role's password. */
export interface SharedConnection {
  url: string;
  ca: string;
  password: string;
}

const invalid = (field: string, message: string) => new AppError('validation', message, field, [{ field, message }]);

/** A postgres:// URL with user, host and database, no password in it, and TLS verified in full if it says. */
export function checkedUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw invalid('url', 'Enter the connection URL as postgres://user@server:5432/database.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw invalid(
      'url',
      'The connection URL must begin with postgres:// (for example postgres://mtm_app@server:5432/mtm).',
    );
  if (url.password)
    throw invalid('url', 'Leave the password out of the URL: enter it in the password box, where it is kept sealed.');
  if (!url.username) throw invalid('url', 'The connection URL needs the database user: postgres://mtm_app@server/mtm.');
  if (!url.hostname) throw invalid('url', 'The connection URL needs the server name.');
  if (url.pathname.length < 2)
    throw invalid('url', 'The connection URL needs the database name after the server: …/mtm.');
  const mode = url.searchParams.get('sslmode');
  if (mode && mode !== 'verify-full')
    throw invalid(
      'url',
      `sslmode=${mode} is not accepted: MTM Desk connects only with sslmode=verify-full (TLS with the server's certificate checked).`,
    );
  // The driver's own URL options would override the TLS settings made here.
  url.search = '';
  return url.toString();
}

/** The CA certificate given as its PEM text or as the path of its file. */
export function caFromInput(input: string): string {
  const text = input.trim();
  if (text.startsWith('-----BEGIN')) return text;
  let stat;
  try {
    stat = statSync(text);
  } catch {
    throw invalid('ca', `There is no file ${text}. Give the full path of the server's CA certificate file.`);
  }
  if (!stat.isFile() || stat.size > 20_000)
    throw invalid('ca', `${text} is not a certificate file (a .pem or .crt file of a few kilobytes).`);
  return readFileSync(text, 'utf8');
}

/** The server's CA certificate, checked to be one and in date. */
export function checkedCa(pem: string): string {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw invalid(
      'ca',
      "That is not a certificate. Give the server's CA certificate as a PEM file (it begins -----BEGIN CERTIFICATE-----).",
    );
  }
  if (new Date(cert.validTo) < new Date())
    throw invalid('ca', `That CA certificate expired on ${cert.validTo}. Ask for the server's current one.`);
  return pem.trim();
}

export function readSharedConfig(dataDir: string): SharedConfig | null {
  const file = join(dataDir, SHARED_CONFIG_FILE);
  if (!existsSync(file)) return null;
  try {
    return configSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    throw new AppError('internal', `${file} is damaged. Connect to the shared database again.`);
  }
}

export function writeSharedConfig(dataDir: string, c: SharedConnection, sealer: Sealer): SharedConfig {
  const config: SharedConfig = {
    format: 1,
    url: checkedUrl(c.url),
    ca: checkedCa(c.ca),
    password: { sealedBy: sealer.kind, data: sealer.seal(c.password).toString('base64') },
    savedAt: new Date().toISOString(),
  };
  writeFileAtomic(join(dataDir, SHARED_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`, 0o600);
  return config;
}

/** The driver's URL (password inserted) and TLS options: the CA given, the certificate and the host name checked. */
export function driverOptions(
  config: Pick<SharedConfig, 'url' | 'ca'>,
  password: string,
): { url: string; ssl: TlsOptions } {
  const url = new URL(config.url);
  url.password = password;
  return { url: url.toString(), ssl: { ca: config.ca, rejectUnauthorized: true } };
}

/** The password, opened by whichever of this workstation's sealers sealed it (the app has both, `mtm` the key file). */
export function sealedPassword(config: SharedConfig, sealers: readonly Sealer[]): string {
  const sealer = sealers.find((s) => s.kind === config.password.sealedBy);
  if (!sealer)
    throw new AppError(
      'internal',
      'The shared database password on this workstation was saved by the MTM Desk app (in the OS keychain), which mtm cannot open. Connect this folder with mtm init --shared to use it from mtm.',
    );
  return sealer.open(Buffer.from(config.password.data, 'base64'));
}
