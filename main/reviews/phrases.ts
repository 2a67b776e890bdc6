// The pharmacy's editable plain-language phrases for action-plan items, in English and Spanish
// (seeded from resources/templates/map-phrases.json when the database is created, and given the
// bilingual wording of resources/templates/action-plan-phrases.json by migration 1765400000000).
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Phrase, phraseSaveRequest } from '../../preload/schemas/reviews';
import type { SignedInUser } from '../../preload/schemas/security';
import { notFound } from '../common/errors';
import type { Row } from '../db/rows';
import { all, one, run, sql } from '../db/sql';

const SELECT = sql`SELECT id, action, label, talked_about AS talkedAbout, to_do AS toDo,
                     talked_about_es AS talkedAboutEs, to_do_es AS toDoEs, updated_by AS updatedBy
                   FROM map_phrases`;

export const listPhrases = (db: DataSource) => all<Phrase>(db, sql`${SELECT} ORDER BY action, label`);

export async function savePhrase(
  db: DataSource,
  user: SignedInUser,
  p: z.output<typeof phraseSaveRequest>,
): Promise<Phrase> {
  const id = p.id ?? randomUUID();
  const now = new Date().toISOString();
  if (p.id) {
    const done = await all<Pick<Row<'map_phrases'>, 'id'>>(
      db,
      sql`UPDATE map_phrases
          SET action = ${p.action}, label = ${p.label}, talked_about = ${p.talkedAbout}, to_do = ${p.toDo},
            talked_about_es = ${p.talkedAboutEs}, to_do_es = ${p.toDoEs}, updated_at = ${now},
            updated_by = ${user.username} WHERE id = ${id} RETURNING id`,
    );
    if (!done.length) throw notFound('That phrase');
  } else {
    await run(
      db,
      sql`INSERT INTO map_phrases (id, action, label, talked_about, to_do, talked_about_es, to_do_es, updated_at,
            updated_by)
          VALUES (${id}, ${p.action}, ${p.label}, ${p.talkedAbout}, ${p.toDo}, ${p.talkedAboutEs}, ${p.toDoEs}, ${now},
            ${user.username})`,
    );
  }
  return (await one<Phrase>(db, sql`${SELECT} WHERE id = ${id}`))!;
}

export async function deletePhrase(db: DataSource, id: string): Promise<void> {
  const gone = await all<Pick<Row<'map_phrases'>, 'id'>>(
    db,
    sql`DELETE FROM map_phrases WHERE id = ${id} RETURNING id`,
  );
  if (!gone.length) throw notFound('That phrase');
}
