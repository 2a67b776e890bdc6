// `npm run bench` (third part): an 837P batch of 1 000 claims written, and parsed back with
// node-x12 as the tests do. Prints medians; asserts nothing.
import { X12Parser } from 'node-x12';
import { build837p } from '../../main/billing/x12-837p';
import { payer, provider, sampleClaims } from '../helpers/sample-claims';

const RUNS = 9;
const claims = sampleClaims(1000);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const write: number[] = [];
const read: number[] = [];
let content = '';
for (let i = 0; i < RUNS + 2; i++) {
  let t = performance.now();
  content = build837p({ provider, payer, claims, control: i + 1, at: new Date() });
  const w = performance.now() - t;
  t = performance.now();
  new X12Parser(true).parse(content);
  const r = performance.now() - t;
  if (i >= 2) (write.push(w), read.push(r));
}
console.log(`837P of 1 000 claims: written in ${median(write).toFixed(1)} ms, parsed back (node-x12, strict) in ${median(read).toFixed(0)} ms; ${(content.length / 1024).toFixed(0)} KiB, ${content.split('~').length - 1} segments (median of ${RUNS})`);
