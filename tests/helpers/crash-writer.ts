// Test helper process: commits batches of patients as fast as it can until it is killed.
// argv: database file, hex key, batch size. Prints "ready" once the first batch is committed.
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../main/db/data-source';
import { run, sql } from '../../main/db/sql';

const [file, hexKey, size] = process.argv.slice(2) as [string, string, string];
const db = await openDatabase(file, Buffer.from(hexKey, 'hex'));
const batchSize = Number(size);
const now = new Date().toISOString();
for (let batch = 0; ; batch++) {
  const tag = `batch-${process.pid}-${batch}`;
  await db.transaction(async (em) => {
    for (let i = 0; i < batchSize; i++) {
      await run(
        em,
        sql`INSERT INTO patients (id, first_name, last_name, date_of_birth, sex, preferred_language, no_known_allergies,
                                  notes, created_at, created_by, updated_at, updated_by)
            VALUES (${randomUUID()}, 'Crash', 'Tester', '1950-01-01', 'unknown', 'en', 0, ${tag}, ${now}, 'writer',
                    ${now}, 'writer')`,
      );
    }
  });
  if (batch === 0) process.stdout.write('ready\n');
}
