import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BillingSetup, ClaimBatch, ExportPreview } from '../../../preload/schemas/billing';
import { parseUsDate } from '../../../preload/schemas/dates';
import { dispatch } from '../../bridge/dispatch';
import { requireOption } from '../args';
import { CliError } from '../password-input';
import { withSignedIn } from '../signed-in';

export const usage =
  'mtm export claims --data DIR --user USER --format 837p|cms1500|cms1500red|csv --from DATE --to DATE --payer ID --out FILE';

/** MM/DD/YYYY or YYYY-MM-DD; anything else reaches the channel as typed and is refused there. */
const date = (v: string) => parseUsDate(v) ?? v;

/**
 * Exports the ready claims of one payer and date range through the same bridge channel as the
 * Exports screen (permission, validation, audit), then writes the batch to --out.
 */
export async function exportCommand(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub !== 'claims') throw new CliError(`Unknown export "${sub ?? ''}". Use: ${usage}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      data: { type: 'string' },
      user: { type: 'string' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      payer: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const format = requireOption(values, 'format');
  const out = resolve(requireOption(values, 'out'));
  const wanted = requireOption(values, 'payer');
  const batch = await withSignedIn(values, async (session) => {
    const setup = await dispatch(session, 'billing:setup', {});
    if (!setup.ok) throw new CliError(setup.error.message);
    const { payers } = setup.data as BillingSetup;
    const payer = payers.find(
      (p) =>
        p.id === wanted ||
        p.payerId.toLowerCase() === wanted.toLowerCase() ||
        p.name.toLowerCase() === wanted.toLowerCase(),
    );
    if (!payer)
      throw new CliError(
        `No payer "${wanted}". Payers: ${payers.map((p) => `${p.name} (${p.payerId})`).join(', ') || 'none set up'}.`,
      );
    // The same two steps as the Billing screen: the list with its problems (printed), then exactly that list.
    const range = {
      format,
      from: date(requireOption(values, 'from')),
      to: date(requireOption(values, 'to')),
      payerId: payer.id,
    };
    const failed = (e: { message: string; issues?: { field: string; message: string }[] }) =>
      new CliError(e.issues?.length ? e.issues.map((i) => `${i.field}: ${i.message}`).join('; ') : e.message);
    const preview = await dispatch(session, 'claims:exportPreview', range);
    if (!preview.ok) throw failed(preview.error);
    const { claims } = preview.data as ExportPreview;
    for (const { claim, problems } of claims)
      for (const p of problems)
        console.log(`${claim.claimNumber}: ${p.blocking ? 'cannot be sent' : 'warning'}: ${p.message}`);
    const r = await dispatch(session, 'claims:export', {
      ...range,
      claims: claims.map(({ claim }) => ({ id: claim.id, version: claim.version })),
    });
    if (!r.ok) throw failed(r.error);
    return r.data as ClaimBatch;
  });
  writeFileSync(out, batch.format.startsWith('cms1500') ? Buffer.from(batch.content, 'base64') : batch.content, {
    mode: 0o600,
  });
  console.log(
    `Exported ${batch.claimCount} claim${batch.claimCount === 1 ? '' : 's'} to ${out}${batch.interchangeControl ? ` (interchange ${batch.interchangeControl})` : ''}.`,
  );
}
