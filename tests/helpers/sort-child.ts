// Test helper process: fills a table with patient-like rows and sorts it again and again until it
// is killed, with a tiny page cache so that a sort which may use temporary files has to.
// argv: database file, hex key, "default" to put temp_store back to SQLite's default (the control).
import { openDatabase, rawConnection } from '../../main/db/data-source';

const [file, hexKey, mode] = process.argv.slice(2) as [string, string, string];
const db = rawConnection(await openDatabase(file, Buffer.from(hexKey, 'hex')));
if (mode === 'default') db.pragma('temp_store = DEFAULT');
db.exec('CREATE TABLE spill (name TEXT, dob TEXT)');
const insert = db.prepare('INSERT INTO spill VALUES (?, ?)');
db.transaction(() => {
  for (let i = 0; i < 200_000; i++)
    insert.run(`Quenneville Winifred ${i}`, `19${String(10 + (i % 80))}-0${1 + (i % 9)}-1${i % 10}`);
})();
db.pragma('cache_size = -256');
const sort = db.prepare('SELECT name FROM spill ORDER BY dob DESC, name');
process.stdout.write('ready\n');
for (;;) sort.all();
