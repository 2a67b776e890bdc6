import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../../security/audit/audit-log';
import { CliError } from '../password-input';
import { withSignedIn } from '../signed-in';

export const usage = 'mtm audit verify --data DIR --user USER';

/**
 * Walks the hash chain and checks it against the keyring's anchor: a row altered or removed by hand,
 * a chain re-hashed after an edit, entries cut from its end, or a forged waiting entry is named.
 */
export async function audit(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new CliError(`Unknown audit command "${sub ?? ''}". Use: ${usage}`);
  const { values } = parseArgs({ args: rest, options: { data: { type: 'string' }, user: { type: 'string' } } });
  // Signing in already checked the keyring's anchor and the waiting entries; the chain is walked here.
  const [report, outside] = await withSignedIn(
    values,
    async (session) => [await verifyAuditChain(session.current().db), session.auditIntegrity()] as const,
  );
  const problems = [!report.ok && `Audit trail broken at entry ${report.brokenAt}: ${report.reason}.`, outside].filter(
    Boolean,
  );
  if (problems.length) throw new CliError(problems.join('\n'));
  console.log(
    `Audit trail intact: ${report.rows} entries, every link verified, and the trail matches the keyring's anchor.`,
  );
}
