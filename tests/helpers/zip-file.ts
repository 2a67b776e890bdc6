// A zip written for a test, as a release is downloaded: each entry from text or from a file on disk.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { tempDir } from './temp-pharmacy';

export type ZipEntry = { path: string; mtime?: Date } & ({ text: string } | { file: string });

/** Writes `entries` into a new zip named `name` in a temporary folder; its path. */
export async function writeZip(name: string, entries: ZipEntry[]): Promise<string> {
  const out = join(tempDir(), name);
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    const options = e.mtime ? { mtime: e.mtime } : {};
    if ('text' in e) zip.addBuffer(Buffer.from(e.text), e.path, options);
    else zip.addFile(e.file, e.path, options);
  }
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream
      .pipe(createWriteStream(out))
      .on('close', () => resolve())
      .on('error', reject),
  );
  return out;
}
