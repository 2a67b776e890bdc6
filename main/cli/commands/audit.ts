import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../../security/audit/audit-log';
import { CliError } from '../password-input';
import { withSignedIn } from '../signed-in';

export const usage = 'mtm audit verify --data DIR --user USER';

/** Walks the hash chain; a row altered or removed by hand is reported by its entry number. */
export async function audit(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new CliError(`Unknown audit command "${sub ?? ''}". Use: ${usage}`);
  const { values } = parseArgs({ args: rest, options: { data: { type: 'string' }, user: { type: 'string' } } });
  const report = await withSignedIn(values, async (session) => verifyAuditChain(session.current().db));
  if (!report.ok) throw new CliError(`Audit trail broken at entry ${report.brokenAt}: ${report.reason}.`);
  console.log(`Audit trail intact: ${report.rows} entries, every link verified.`);
}
