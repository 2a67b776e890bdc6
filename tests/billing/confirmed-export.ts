// The export as the Billing screen makes it: the list of claims it would send, then exactly that list confirmed.
import type { z } from 'zod';
import type { Session } from '../../main/security/session';
import type { claimExportPreviewRequest } from '../../preload/schemas/billing';
import { call } from '../helpers/temp-pharmacy';

type Range = z.input<typeof claimExportPreviewRequest>;

/** The confirmation of a preview: each claim's id and version. */
export const confirmationOf = (preview: { claims: { claim: { id: string; version: number } }[] }) =>
  preview.claims.map(({ claim }) => ({ id: claim.id, version: claim.version }));

/** Previews, then exports what the preview listed. */
export async function confirmedExport(session: Session, range: Range) {
  const preview = await call(session, 'claims:exportPreview', range);
  return call(session, 'claims:export', { ...range, claims: confirmationOf(preview) });
}
