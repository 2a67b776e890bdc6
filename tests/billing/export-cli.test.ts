import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { billable } from '../helpers/billing-setup';
import { mtm as runMtm } from '../helpers/mtm-cli';
import { call, daysAgo, PASSWORD, tempDir } from '../helpers/temp-pharmacy';
import { parse837p } from './x12-check';

const mtm = (args: string[]) => runMtm(args, { env: { MTM_PASSWORD: PASSWORD } });

describe('mtm export claims', () => {
  it('writes the ready claims of a payer and date range as an 837P file, through the same checks as the screen', async () => {
    const { session, dataDir, review, payerId } = await billable();
    const claim = await call(session, 'claims:create', { reviewId: review.id, payerId });
    await call(session, 'claims:act', { action: 'ready', id: claim.id, version: claim.version });
    await session.signOut();
    const out = join(tempDir(), 'batch.x12');
    const args = [
      'export',
      'claims',
      '--data',
      dataDir,
      '--user',
      'pharmacist1',
      '--format',
      '837p',
      '--from',
      daysAgo(30),
      '--to',
      daysAgo(0),
      '--out',
      out,
    ];
    const unknown = mtm([...args, '--payer', 'Nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('mtm export: No payer "Nobody". Payers: Buckeye Senior Rx (BSRX1).');
    const ok = mtm([...args, '--payer', 'bsrx1']);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain(`Exported 1 claim to ${out} (interchange 1).`);
    expect(parse837p(readFileSync(out, 'utf8')).problems).toEqual([]);
    const again = mtm([...args, '--payer', 'bsrx1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/No claims are ready for Buckeye Senior Rx/);
  });
});
