// Reads the text files of a published reference release (NLM RxNorm, CMS ICD-10-CM, FDA NDC
// Directory) from the zip the user downloaded, the folder it unpacked to, or a single text file.
// Lines stream: a full release is hundreds of megabytes.
import { createReadStream, promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { AppError } from './errors';

export interface ReleaseFiles {
  /** The release's name, from the zip, folder or file name. */
  release: string;
  /** The file names it holds (upper case, no folders). */
  names: string[];
  /** The lines of the first file whose upper-case name matches; null when none does. */
  lines(name: string | RegExp): AsyncIterable<string> | null;
  close(): void;
}

async function* linesOf(stream: Readable): AsyncIterable<string> {
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) if (line) yield line;
}

const find = <T>(files: Map<string, T>, name: string | RegExp) =>
  [...files].find(([n]) => (typeof name === 'string' ? n === name : name.test(n)))?.[1];

function fromPaths(release: string, files: Map<string, string>): ReleaseFiles {
  return {
    release,
    names: [...files.keys()],
    lines: (name) => {
      const path = find(files, name);
      return path ? linesOf(createReadStream(path, 'utf8')) : null;
    },
    close: () => undefined,
  };
}

async function openFolder(dir: string, subfolders: string[]): Promise<ReleaseFiles> {
  const files = new Map<string, string>();
  for (const d of [dir, ...subfolders.map((s) => join(dir, s))]) {
    for (const f of await fs.readdir(d).catch(() => [] as string[]))
      if (!files.has(f.toUpperCase())) files.set(f.toUpperCase(), join(d, f));
  }
  return fromPaths(basename(dir), files);
}

async function openZip(file: string, what: string): Promise<ReleaseFiles> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) =>
      err || !z ? reject(err ?? new Error('no zip')) : resolve(z),
    ),
  ).catch(() => {
    throw new AppError(
      'validation',
      `${basename(file)} is not a zip file. Give the ${what} zip as downloaded, or the folder it unpacks to.`,
    );
  });
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!e.fileName.endsWith('/')) entries.set(basename(e.fileName).toUpperCase(), e);
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return {
    release: basename(file).replace(/\.zip$/i, ''),
    names: [...entries.keys()],
    lines: (name) => {
      const entry = find(entries, name);
      if (!entry) return null;
      return (async function* () {
        const stream = await new Promise<Readable>((resolve, reject) =>
          zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
        );
        stream.setEncoding('utf8');
        yield* linesOf(stream);
      })();
    },
    close: () => zip.close(),
  };
}

/** `what` names the release in messages ("RxNorm release"); `subfolders` are also searched in a folder. */
export async function openReleaseFiles(path: string, what: string, subfolders: string[] = []): Promise<ReleaseFiles> {
  const stat = await fs.stat(path).catch(() => null);
  if (!stat) throw new AppError('notFound', `${path} does not exist.`);
  if (stat.isDirectory()) return openFolder(path, subfolders);
  if (/\.zip$/i.test(path)) return openZip(path, what);
  return fromPaths(basename(path).replace(/\.[^.]+$/, ''), new Map([[basename(path).toUpperCase(), path]]));
}
