// TLS to a shared server is verified in full (libpq's sslmode=verify-full): the server's certificate must chain to
// the CA given and name the host in the URL, or nothing connects; anything weaker is refused before connecting.
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { AppError } from '../../main/common/errors';
import {
  connectionSecurity,
  describeConnectionSecurity,
  openPostgres,
  requireVerifiedTls,
} from '../../main/db/postgres-source';
import { noPostgres, usePostgres } from '../helpers/postgres-server';

const server = usePostgres({ tls: true });
// Another server, with its own CA and a certificate for another name than the one connected to.
const elsewhere = usePostgres({ tls: { names: ['db.other.example'] } });
const open: DataSource[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.destroy();
});

const opened = async (...args: Parameters<typeof openPostgres>) => {
  const db = await openPostgres(...args);
  open.push(db);
  return db;
};

describe('requireVerifiedTls: only a verified connection (or plain text to this computer, for tests)', () => {
  const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
  const url = 'postgres://mtm_app:pw@db.pharmacy.example:5432/mtm';

  it('keeps the CA, checks the certificate, and takes sslmode=verify-full out of the URL for the driver', () => {
    expect(requireVerifiedTls(`${url}?sslmode=verify-full`, { ca })).toEqual({
      url,
      ssl: { ca, rejectUnauthorized: true },
    });
    expect(requireVerifiedTls('postgres://u:p@127.0.0.1:5432/t', false)).toEqual({
      url: 'postgres://u:p@127.0.0.1:5432/t',
      ssl: false,
    });
  });

  it.each([
    ['sslmode=require', `${url}?sslmode=require`, { ca }, /sslmode=require is not accepted/],
    ['sslmode=disable', `${url}?sslmode=disable`, { ca }, /sslmode=disable is not accepted/],
    ['a CA file in the URL', `${url}?sslrootcert=/etc/ca.pem`, { ca }, /Remove sslrootcert/],
    ['no CA', url, {}, /CA certificate is needed/],
    ['TLS without options', url, true, /CA certificate is needed/],
    ['the certificate unchecked', url, { ca, rejectUnauthorized: false }, /must be checked/],
    ['the name unchecked', url, { ca, checkServerIdentity: () => undefined }, /must be checked/],
    ['plain text to a server', url, false, /CA certificate is needed/],
    ['plain text by default', url, undefined, /CA certificate is needed/],
    ['plain text asked for verify-full', 'postgres://u:p@127.0.0.1/t?sslmode=verify-full', false, /CA certificate/],
  ] as const)('refuses %s', (_, u, ssl, message) => {
    expect(() => requireVerifiedTls(u, ssl)).toThrow(message);
    expect(() => requireVerifiedTls(u, ssl)).toThrow(AppError);
  });
});

describe.skipIf(noPostgres)('PostgreSQL over TLS, verify-full', FILE_ONLY, () => {
  it('connects with the right CA, by address and by name, and reports the connection verified', async () => {
    const url = `${await server.newDatabase()}?sslmode=verify-full`;
    const db = await opened(url, { ssl: { ca: server.ca! }, migrations: [] });
    const security = await connectionSecurity(db);
    expect(security).toEqual({
      tls: true,
      verified: true,
      protocol: expect.stringMatching(/^TLSv1\.[23]$/),
      cipher: expect.any(String),
      serverVersion: expect.stringMatching(/^1[5-9]/),
    });
    expect(describeConnectionSecurity(security!)).toMatch(
      /^Connection: TLSv1\.[23] \(.+\), server's certificate and name verified/,
    );

    const byName = new URL(url);
    byName.hostname = 'localhost';
    const named = await opened(byName.toString(), { ssl: { ca: server.ca! }, migrations: [] });
    expect(await connectionSecurity(named)).toMatchObject({ tls: true, verified: true });
  });

  it('fails with another CA than the one that signed the server certificate', async () => {
    const url = await server.newDatabase();
    await expect(openPostgres(url, { ssl: { ca: elsewhere.ca! }, migrations: [] })).rejects.toThrow(
      /self[- ]signed|unable to (verify|get)/i,
    );
  });

  it("fails when the certificate names another host than the URL's (the driver checks the name)", async () => {
    const url = await elsewhere.newDatabase();
    await expect(openPostgres(url, { ssl: { ca: elsewhere.ca! }, migrations: [] })).rejects.toThrow(
      /Hostname\/IP does not match certificate's altnames/,
    );
  });

  it('reports a plain-text test connection as neither encrypted nor verified', async () => {
    const db = await opened(await server.newDatabase(), { ssl: false, migrations: [] });
    const security = await connectionSecurity(db);
    expect(security).toMatchObject({ tls: false, verified: false, protocol: null, cipher: null });
    expect(describeConnectionSecurity(security!)).toMatch(/NOT encrypted/);
  });
});
