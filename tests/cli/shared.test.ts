// `mtm shared prepare`: the owner's account over verified TLS, no password on the command line; the app role it
// prepares then connects over the same TLS.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { openPostgres } from '../../main/db/postgres-source';
import { one, sql } from '../../main/db/sql';
import { mtm } from '../helpers/mtm-cli';
import { newOwnedDatabase, noPostgres, usePostgres } from '../helpers/postgres-server';
import { tempDir } from '../helpers/temp-pharmacy';

const server = usePostgres({ tls: true });
const APP_PASSWORD = 'a long app role password';

describe.skipIf(noPostgres)('mtm shared prepare', FILE_ONLY, () => {
  it('prepares the database with the owner account from PGPASSWORD and the app password from MTM_DB_PASSWORD', async () => {
    const { n, ownerUrl, ownerPassword, as } = await newOwnedDatabase(server);
    const caFile = join(tempDir(), 'ca.pem');
    writeFileSync(caFile, server.ca!);
    const owner = new URL(ownerUrl);
    owner.password = '';
    const args = ['shared', 'prepare', '--owner', owner.toString(), '--app-role', `mtm_app_${n}`, '--ca', caFile];

    const withPassword = mtm([...args.slice(0, 3), ownerUrl, ...args.slice(4)]);
    expect(withPassword.code).toBe(1);
    expect(withPassword.stderr).toMatch(/Leave the password out of --owner/);

    const prepared = mtm(args, { env: { PGPASSWORD: ownerPassword, MTM_DB_PASSWORD: APP_PASSWORD } });
    expect(prepared.stderr).toBe('');
    expect(prepared.code).toBe(0);
    expect(prepared.stdout).toMatch(new RegExp(`the role mtm_app_${n} created`));
    expect(prepared.stdout).toContain(`postgres://mtm_app_${n}@127.0.0.1:`);
    expect(prepared.stdout).not.toContain(APP_PASSWORD);

    const app = await openPostgres(as(`mtm_app_${n}`, APP_PASSWORD), { ssl: { ca: server.ca! } });
    expect(await one(app, sql`SELECT current_user AS me`)).toEqual({ me: `mtm_app_${n}` });
    await app.destroy();

    // Again (after an upgrade), the app role's password piped on standard input.
    const again = mtm(args, { env: { PGPASSWORD: ownerPassword }, stdin: `${APP_PASSWORD}\n` });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/updated \(new password\)/);

    const weak = mtm(args, { env: { PGPASSWORD: ownerPassword, MTM_DB_PASSWORD: 'short' } });
    expect(weak.stderr).toMatch(/^mtm shared: The app role's password must be 12 to 200 characters/);
  });
});
