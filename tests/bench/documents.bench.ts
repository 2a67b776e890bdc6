// `npm run bench` (second part): the CMS CMR summary for a 25-medicine patient, the prescriber fax
// and the pharmacist note, each made several times after warm-up on a real encrypted pharmacy.
// Prints medians; asserts nothing (tests do that).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDocument } from '../../main/documents/documents-service';
import { Session } from '../../main/security/session';
import type { DocumentRequest } from '../../preload/schemas/documents';
import { sampleSignedCmr } from '../helpers/sample-review';
import { SETUP } from '../helpers/setup-data';

const RUNS = 15;
const dir = mkdtempSync(join(tmpdir(), 'mtm-bench-docs-'));
const session = new Session(dir);
try {
  await session.setup(SETUP);
  const { review, prescriberId } = await sampleSignedCmr(session, { medicines: 25, cmrDate: new Date().toISOString().slice(0, 10) });
  const { db, user } = session.current();
  const requests: [string, DocumentRequest][] = [
    ['CMR summary, 25 medicines (English)', { kind: 'cmrSummary', reviewId: review.id }],
    ['CMR summary, 25 medicines (Spanish)', { kind: 'cmrSummary', reviewId: review.id, language: 'es' }],
    ['prescriber fax (rendered twice for its page count)', { kind: 'prescriberLetter', reviewId: review.id, prescriberId }],
    ['pharmacist note', { kind: 'pharmacistNote', reviewId: review.id }],
  ];
  for (const [label, req] of requests) {
    for (let i = 0; i < 3; i++) await makeDocument(db, user, req);
    const times: number[] = [];
    let pages = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      pages = (await makeDocument(db, user, req)).pages;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, p95 ${times[Math.ceil(RUNS * 0.95) - 1]!.toFixed(0)} ms (${pages} pages, ${RUNS} runs after warm-up)`);
  }
  await session.signOut();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
