// People's names are stored as typed; they are shown (and compared) in proper case when the typing carried no case
// information at all: all lower case ("hazel") or all upper case ("MCDONALD", as many dispensing systems export).

/** A name part begins after the start, a space, a hyphen or an apostrophe (O'Brien, Smith-Jones, D’Angelo). */
const PART_START = /(^|[\s'’-])(\p{L})/gu;
/** "Mc" + at least two letters takes a capital after it (McDonald); "Mac" does not, as in Macy, Mack, Machado. */
const MC = /(^|[\s-])Mc(\p{Ll})(?=\p{L})/gu;

/**
 * The name in proper case when it was typed all lower or all upper case; otherwise exactly as typed, since mixed case
 * ("McDonald", "van der Berg", "DeShawn") is the person's own spelling.
 */
export function properName(typed: string): string {
  const hasLower = typed !== typed.toUpperCase();
  const hasUpper = typed !== typed.toLowerCase();
  if (hasLower && hasUpper) return typed;
  return typed
    .toLowerCase()
    .replace(PART_START, (_, before: string, letter: string) => before + letter.toUpperCase())
    .replace(MC, (_, before: string, letter: string) => `${before}Mc${letter.toUpperCase()}`);
}

type Named = { firstName: string; middleName?: string | null; lastName: string };

/** "Hazel M Brambleton": first, middle and last, each in proper case. */
export const personFullName = (p: Named) =>
  [p.firstName, p.middleName, p.lastName]
    .filter((s): s is string => Boolean(s))
    .map(properName)
    .join(' ');

/** "Brambleton, Hazel": last name first, for lists and files. */
export const lastFirst = (p: Named) => `${properName(p.lastName)}, ${properName(p.firstName)}`;
