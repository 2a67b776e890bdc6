import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', 'resources');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.json') ? [join(dir, f)] : [],
  );

describe('reference data in resources/', () => {
  it.each(files(ROOT).map((f) => [f.slice(ROOT.length + 1), f]))(
    '%s is versioned and names its source',
    (_name, file) => {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(typeof data.version).toBe('string');
      expect(JSON.stringify(data)).toMatch(/"(source|sources|citation)"/);
    },
  );

  it('prints both Standardized Format languages from the same set of texts', async () => {
    const { languages } = (await import('../../resources/documents/standardized-format.json')).default;
    const shape = (o: unknown): unknown =>
      Array.isArray(o)
        ? o.length
        : o && typeof o === 'object'
          ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'official' ? 'flag' : shape(v)]))
          : typeof o;
    expect(shape(languages.es)).toEqual(shape(languages.en));
    // Every placeholder of the English text is in the Spanish one, so no field goes missing.
    const holes = (o: unknown): string[] =>
      JSON.stringify(o)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    expect(holes(languages.es)).toEqual(holes(languages.en));
  });
});
