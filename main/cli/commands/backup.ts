import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup } from '../../security/backup/backups';
import { requireOption } from '../args';
import { withSignedIn } from '../signed-in';

export const usage = 'mtm backup --data DIR --user USER --out FILE';

/** An encrypted, self-contained backup taken while the app may be in use. */
export async function backup(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, user: { type: 'string' }, out: { type: 'string' } },
  });
  const out = resolve(requireOption(values, 'out'));
  await withSignedIn(values, async (session) => {
    const r = await createBackup(session, dirname(out), { file: out });
    await session.audit({
      username: session.current().user.username,
      action: 'backup.create',
      category: 'backup',
      outcome: 'success',
      detail: `${r.file} (mtm backup)`,
    });
    console.log(
      `Backup written: ${r.file} (${(r.bytes / 1024).toFixed(0)} KiB; ${r.counts.patients} patients, ${r.counts.users} users, ${r.counts.auditEntries} audit entries).`,
    );
  });
}
