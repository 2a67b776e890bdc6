// Reads an 837P back with node-x12 (strict: delimiters, envelopes and trailers must agree) and
// checks every count and control number a clearinghouse checks.
import { X12Interchange, X12Parser, type X12Segment } from 'node-x12';

export const el = (s: X12Segment, n: number) => s.elements[n - 1]?.value ?? '';

export function parse837p(content: string) {
  const parsed = new X12Parser(true).parse(content);
  if (!(parsed instanceof X12Interchange)) throw new Error('Expected one interchange');
  const [group, ...moreGroups] = parsed.functionalGroups;
  const [tx, ...moreTx] = group!.transactions;
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check(moreGroups.length === 0 && moreTx.length === 0, 'one group with one transaction');
  check(el(parsed.header, 13) === el(parsed.trailer, 2), 'ISA13 = IEA02');
  check(el(parsed.trailer, 1) === '1', 'IEA01 counts one group');
  check(el(group!.header, 6) === el(group!.trailer, 2), 'GS06 = GE02');
  check(el(group!.trailer, 1) === '1', 'GE01 counts one transaction');
  check(el(group!.header, 8) === '005010X222A1' && el(tx!.header, 3) === '005010X222A1', 'version 005010X222A1');
  check(el(tx!.header, 2) === el(tx!.trailer, 2), 'ST02 = SE02');
  // SE01 counts ST and SE with every segment between them.
  check(
    Number(el(tx!.trailer, 1)) === tx!.segments.length + 2,
    `SE01 ${el(tx!.trailer, 1)} = ${tx!.segments.length + 2} segments`,
  );
  return { interchange: parsed, group: group!, segments: tx!.segments, problems };
}
