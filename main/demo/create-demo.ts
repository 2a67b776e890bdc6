// A new pharmacy filled with the demo data: from `mtm demo` and from the first-run screen.
import type { z } from 'zod';
import type { newAccountSchema, SetupResult } from '../../preload/schemas/security';
import { appendAudit } from '../security/audit/audit-log';
import { updateSettings } from '../settings/pharmacy-settings';
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
  // Its documents read as a real pharmacy's: opening hours and TTY in the cover letter, a fax number to answer to.
  await updateSettings(
    db.manager,
    {
      documents: {
        hours: 'Monday to Friday 9 am to 7 pm, Saturday 9 am to 1 pm',
        tty: '711',
        fax: '6145550101',
        fileNames: 'reference',
      },
    },
    user.username,
  );
  await appendAudit(db.manager, {
    username: user.username,
    action: 'demo.create',
    category: 'settings',
    outcome: 'success',
    detail: `${demo.patients} fictional patients, ${demo.fills} fills, seed ${opts.seed}`,
  });
  return { ...result, demo };
}
