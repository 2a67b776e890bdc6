// Loads the yearly CMS/CDC ICD-10-CM code descriptions release (the fixed-width codes file, or the
// order file with its billable flag) so a pharmacy can record any billable code. The previous
// release is replaced in the same transaction as the audit row, so a failed load changes nothing.
import type { DataSource } from 'typeorm';
import type { SignedInUser } from '../../preload/schemas/security';
import { oneImportAtATime } from '../db/bulk';
import { AppError } from '../common/errors';
import { run, sql } from '../db/sql';
import { openReleaseFiles } from '../common/release-files';
import { appendAudit } from '../security/audit/audit-log';

export interface Icd10cmLoadReport {
  release: string;
  codes: number;
}

/** "E1122" → "E11.22"; codes of three characters have no dot. */
export const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

// Codes file: the code (no dot) padded to 8 characters, then its description.
const CODES_LINE = /^([A-Z][0-9][0-9A-Z]{1,5})\s+(\S.*)$/;
// Order file: order number (5), code (7), billable flag (1), short description (60), long description.
const ORDER_LINE = /^(\d{5}) ([A-Z][0-9][0-9A-Z ]{5}) ([01]) (.{60}) (\S.*)$/;

export async function loadIcd10cm(db: DataSource, user: SignedInUser, path: string): Promise<Icd10cmLoadReport> {
  const files = await openReleaseFiles(path, 'ICD-10-CM code descriptions release');
  try {
    const codesName = files.names.find((n) => /CODES.*\.TXT$/.test(n) && !/ADDENDA/.test(n));
    const orderName = files.names.find((n) => /ORDER.*\.TXT$/.test(n) && !/ADDENDA/.test(n));
    const single = files.names.length === 1 && files.names[0]!.endsWith('.TXT') ? files.names[0] : undefined;
    const name = codesName ?? orderName ?? single;
    if (!name)
      throw new AppError(
        'validation',
        `${files.release} holds no ICD-10-CM codes file (icd10cm-codes-YYYY.txt) or order file (icd10cm-order-YYYY.txt). Give the "Code Descriptions in Tabular Order" zip from CMS or CDC, or one of those files.`,
      );
    const codes = new Map<string, string>();
    let line = 0;
    for await (const text of files.lines(name)!) {
      line++;
      const order = ORDER_LINE.exec(text);
      if (order) {
        if (order[3] === '1') codes.set(dotted(order[2]!.trim()), order[5]!.trim());
        continue;
      }
      const plain = CODES_LINE.exec(text);
      if (!plain)
        throw new AppError(
          'validation',
          `${name.toLowerCase()} line ${line} is not an ICD-10-CM code line ("${text.slice(0, 40)}"): this is not a CMS code descriptions file.`,
        );
      codes.set(dotted(plain[1]!), plain[2]!.trim());
    }
    if (codes.size < 1000)
      throw new AppError(
        'validation',
        `${name.toLowerCase()} holds only ${codes.size} codes: a full ICD-10-CM release has about 74 000. Nothing was loaded.`,
      );
    await oneImportAtATime(db, () =>
      db.transaction(async (em) => {
        await run(em, sql`DELETE FROM icd10cm_codes`);
        await run(em, sql`DELETE FROM icd10cm_release`);
        const rows = [...codes];
        // Several hundred rows a statement: one round trip per batch, well inside SQLite's parameter limit.
        for (let i = 0; i < rows.length; i += 400) {
          const batch = rows.slice(i, i + 400);
          const values = sql.join(
            batch.map(([code, title]) => sql`(${code}, ${title})`),
            ', ',
          );
          await run(em, sql`INSERT INTO icd10cm_codes (code, title) VALUES ${values}`);
        }
        await run(
          em,
          sql`INSERT INTO icd10cm_release (id, release, codes, loaded_at, loaded_by)
            VALUES (1, ${files.release}, ${codes.size}, ${new Date().toISOString()}, ${user.username})`,
        );
        await appendAudit(em, {
          username: user.username,
          action: 'conditions.loadIcd10cm',
          category: 'conditions',
          outcome: 'success',
          detail: `${files.release}: ${codes.size} billable codes`,
        });
      }),
    );
    return { release: files.release, codes: codes.size };
  } finally {
    files.close();
  }
}
