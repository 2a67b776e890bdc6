// The benchmark's demo pharmacy, built once per generator, seed and size into a cache folder and reused:
// every run works on a fresh copy of it. `tsx tests/bench/demo-cache.ts [--quick] [--seed N]` builds it alone.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoPharmacy } from '../../main/demo/create-demo';
import { Session } from '../../main/security/session';
import demo from '../../resources/demo/demo-pharmacy.json';

export const BENCH_USER = 'benchrph';
export const BENCH_PASSWORD = 'bench marks the spot';

/** The cached demo pharmacy's folder for `seed` and `patients`, built first if it is not there yet. */
export async function demoCache(patients: number, seed: number): Promise<string> {
  // Keyed by the generator's code and parameters too, so a changed generator never reuses an old pharmacy.
  const generator = createHash('sha256')
    .update(readFileSync(new URL('../../main/demo/demo-pharmacy.ts', import.meta.url)))
    .update(JSON.stringify(demo))
    .digest('hex')
    .slice(0, 10);
  const cache = join(tmpdir(), 'mtm-bench-cache', `demo-${generator}-seed-${seed}-${patients}`);
  if (existsSync(join(cache, 'keyring.json'))) return cache;
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  const t = performance.now();
  const builder = new Session(cache);
  try {
    const made = await createDemoPharmacy(
      builder,
      { username: BENCH_USER, fullName: 'Bench Pharmacist, PharmD', password: BENCH_PASSWORD },
      { patients, seed },
    );
    await builder.signOut();
    console.log(
      `built the demo pharmacy (seed ${seed}): ${made.demo.patients} patients, ${made.demo.fills} fills in ${((performance.now() - t) / 1000).toFixed(1)} s → ${cache}`,
    );
  } catch (err) {
    // A half-built folder must not pass for the cache next time.
    rmSync(cache, { recursive: true, force: true });
    throw err;
  }
  return cache;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const seed = Number(args[args.indexOf('--seed') + 1]) || 42;
  console.log(await demoCache(args.includes('--quick') ? 2_000 : 20_000, seed));
}
