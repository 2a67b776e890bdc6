// Reads the RRF files of an NLM RxNorm release, from the zip the user downloaded or from the folder
// it was unpacked to. Lines stream: the full release is hundreds of megabytes.
import { createReadStream, promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from '../../common/errors';

export type RrfName = 'RXNCONSO.RRF' | 'RXNREL.RRF' | 'RXNSAT.RRF';

export interface RrfRelease {
  release: string;
  /** Each line split into its fields; null when the release has no such file. */
  rows(name: RrfName): AsyncIterable<string[]> | null;
  close(): void;
}

async function* splitLines(stream: Readable): AsyncIterable<string[]> {
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) if (line) yield line.split('|');
}

async function openFolder(dir: string): Promise<RrfRelease> {
  const candidates = [dir, join(dir, 'rrf')];
  const found = new Map<string, string>();
  for (const d of candidates) {
    for (const f of await fs.readdir(d).catch(() => [] as string[])) if (!found.has(f.toUpperCase())) found.set(f.toUpperCase(), join(d, f));
  }
  return {
    release: basename(dir),
    rows: (name) => {
      const path = found.get(name);
      return path ? splitLines(createReadStream(path, 'utf8')) : null;
    },
    close: () => undefined,
  };
}

async function openZip(file: string): Promise<RrfRelease> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) => (err || !z ? reject(err ?? new Error('no zip')) : resolve(z))),
  ).catch(() => {
    throw new AppError('validation', `${basename(file)} is not a zip file. Download the RxNorm release zip from NLM and give that file, or the folder it unpacks to.`);
  });
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries.set(basename(e.fileName).toUpperCase(), e);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return {
    release: basename(file).replace(/\.zip$/i, ''),
    rows: (name) => {
      const entry = entries.get(name);
      if (!entry) return null;
      return (async function* () {
        const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))));
        stream.setEncoding('utf8');
        yield* splitLines(stream);
      })();
    },
    close: () => zip.close(),
  };
}

export async function openRrfRelease(path: string): Promise<RrfRelease> {
  const stat = await fs.stat(path).catch(() => null);
  if (!stat) throw new AppError('notFound', `${path} does not exist.`);
  return stat.isDirectory() ? openFolder(path) : openZip(path);
}
