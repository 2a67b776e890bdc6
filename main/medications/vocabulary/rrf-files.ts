// Reads the RRF files of an NLM RxNorm release, from the zip the user downloaded or from the folder
// it was unpacked to (its rrf/ subfolder included).
import { openReleaseFiles } from '../../common/release-files';

export type RrfName = 'RXNCONSO.RRF' | 'RXNREL.RRF' | 'RXNSAT.RRF';

export interface RrfRelease {
  release: string;
  /** Each line split into its fields; null when the release has no such file. */
  rows(name: RrfName): AsyncIterable<string[]> | null;
  close(): void;
}

export async function openRrfRelease(path: string): Promise<RrfRelease> {
  const files = await openReleaseFiles(path, 'RxNorm release', ['rrf']);
  return {
    release: files.release,
    rows: (name) => {
      const lines = files.lines(name);
      return lines
        ? (async function* () {
            for await (const line of lines) yield line.split('|');
          })()
        : null;
    },
    close: () => files.close(),
  };
}
