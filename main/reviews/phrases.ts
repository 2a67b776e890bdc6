// The pharmacy's editable plain-language phrases for action-plan items (seeded from
// resources/templates/map-phrases.json when the database is created).
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import type { Phrase, phraseSaveRequest } from '../../preload/schemas/reviews';
import type { SignedInUser } from '../../preload/schemas/security';
import { notFound } from '../common/errors';

const SELECT = 'SELECT id, action, label, talked_about AS talkedAbout, to_do AS toDo, updated_by AS updatedBy FROM map_phrases';

export const listPhrases = async (db: DataSource) => (await db.query(`${SELECT} ORDER BY action, label`)) as Phrase[];

export async function savePhrase(db: DataSource, user: SignedInUser, p: z.output<typeof phraseSaveRequest>): Promise<Phrase> {
  const id = p.id ?? randomUUID();
  const now = new Date().toISOString();
  if (p.id) {
    const done = (await db.query('UPDATE map_phrases SET action = ?, label = ?, talked_about = ?, to_do = ?, updated_at = ?, updated_by = ? WHERE id = ? RETURNING id', [p.action, p.label, p.talkedAbout, p.toDo, now, user.username, id])) as unknown[];
    if (!done.length) throw notFound('That phrase');
  } else {
    await db.query('INSERT INTO map_phrases (id, action, label, talked_about, to_do, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)', [id, p.action, p.label, p.talkedAbout, p.toDo, now, user.username]);
  }
  return ((await db.query(`${SELECT} WHERE id = ?`, [id])) as Phrase[])[0]!;
}

export async function deletePhrase(db: DataSource, id: string): Promise<void> {
  if (!((await db.query('DELETE FROM map_phrases WHERE id = ? RETURNING id', [id])) as unknown[]).length) throw notFound('That phrase');
}
