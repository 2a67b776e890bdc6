import type { MigrationInterface, QueryRunner } from 'typeorm';
import { portable } from './dialect';

/**
 * A schema change. Forward only: a released migration is never edited or undone (a pharmacy's file
 * may already hold it); a mistake is put right by the next one.
 */
export type ForwardMigration = Omit<MigrationInterface, 'down'>;

/** TypeORM's migration shape, with a `down` that refuses; `up` runs on either backend (./dialect). */
export function forwardOnly(migration: new () => ForwardMigration): new () => MigrationInterface {
  return class extends migration {
    override up = (q: QueryRunner): Promise<unknown> => super.up(portable(q));
    async down(): Promise<void> {
      throw new Error(`${this.name ?? 'This migration'} is forward only: restore a backup instead of undoing it.`);
    }
  };
}
