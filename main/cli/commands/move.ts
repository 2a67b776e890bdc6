import { parseArgs } from 'node:util';
import { requireOption } from '../args';
import { databasePassword } from '../password-input';
import { withSignedIn } from '../signed-in';

export const usage = 'mtm move --data DIR --user ADMIN --to postgres://USER@SERVER:PORT/DB --ca FILE';

/** Moves a single-workstation pharmacy into an empty shared database; the app password from MTM_PASSWORD or stdin. */
export async function move(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { data: { type: 'string' }, user: { type: 'string' }, to: { type: 'string' }, ca: { type: 'string' } },
  });
  const connection = {
    url: requireOption(values, 'to'),
    ca: requireOption(values, 'ca'),
    password: databasePassword(),
  };
  await withSignedIn(values, async (session) => {
    const report = await session.moveToShared(connection);
    const rows = report.tables.reduce((n, t) => n + t.rows, 0);
    const patients = report.tables.find((t) => t.name === 'patients')?.rows ?? 0;
    console.log(
      `Moved to ${connection.url} in ${(report.ms / 1000).toFixed(1)} s: ${report.tables.length} tables, ${rows} rows (${patients} patients), every count checked; the audit trail's ${report.auditRows} entries verified to the same last hash.`,
    );
    console.log(
      `${session.paths.dataDir} now uses the shared database; the old file is kept beside it as ${session.paths.database}.moved-…, unused. Other workstations join with mtm init --shared or the first-run screen.`,
    );
  });
}
