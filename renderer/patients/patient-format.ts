import { ageOn, formatIsoDate } from '../../preload/schemas/dates';
import { personFullName, properName } from '../../preload/person-name';
import { formatMbi, formatPhone } from '../../preload/schemas/identifiers';
import { LANGUAGES, type PatientDetail, type PatientSummary } from '../../preload/schemas/patients';

/** "Hazel M Brambleton", in proper case where the name was typed all lower or upper case. */
export const fullName = personFullName;

/** "SMITH, John A" — the safety format: last name first, unmistakable; given names in proper case. */
export const listName = (p: Pick<PatientSummary, 'firstName' | 'middleName' | 'lastName'>) =>
  `${p.lastName.toUpperCase()}, ${[p.firstName, p.middleName]
    .filter((s): s is string => Boolean(s))
    .map(properName)
    .join(' ')}`;

export const dobWithAge = (dob: string) => `${formatIsoDate(dob)} (${ageOn(dob)} y)`;

export const sexLabel = (s: PatientSummary['sex']) => ({ female: 'Female', male: 'Male', unknown: 'Unknown' })[s];

export const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

export { formatIsoDate, formatMbi, formatPhone };

export function addressLines(a: PatientDetail['address']): string[] {
  const cityLine = [a.city, [a.state, a.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.line1, a.line2, cityLine].filter((l): l is string => Boolean(l));
}
