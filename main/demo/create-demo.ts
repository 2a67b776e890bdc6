// A new pharmacy filled with the demo data: from `mtm demo` and from the first-run screen.
import type { z } from 'zod';
import type { newAccountSchema, SetupResult } from '../../preload/schemas/security';
import { appendAudit } from '../security/audit/audit-log';
import type { Session } from '../security/session';
import { fillDemoPharmacy, type DemoSummary } from './demo-pharmacy';

export const DEMO_PHARMACY = {
  name: 'Demo Community Pharmacy (fictional data)',
  ncpdpId: '9999901',
  npi: '1234567893',
  phone: '6145550100',
  address: { line1: '1 Demo Plaza', line2: undefined, city: 'Demotown', state: 'OH', zip: '43999' },
};

export async function createDemoPharmacy(
  session: Session,
  account: z.output<typeof newAccountSchema>,
  opts: { patients: number; seed: number },
): Promise<SetupResult & { demo: DemoSummary }> {
  const result = await session.setup({ pharmacy: DEMO_PHARMACY, account });
  const { db, user } = session.current();
  const demo = await fillDemoPharmacy(db, user, opts);
  await appendAudit(db.manager, {
    username: user.username,
    action: 'demo.create',
    category: 'settings',
    outcome: 'success',
    detail: `${demo.patients} fictional patients, ${demo.fills} fills, seed ${opts.seed}`,
  });
  return { ...result, demo };
}
