import { ageOn, formatIsoDate } from '../../preload/schemas/dates';
import { formatPhone } from '../../preload/schemas/identifiers';
import { LANGUAGES, type PatientDetail, type PatientSummary } from '../../preload/schemas/patients';

export const fullName = (p: Pick<PatientSummary, 'firstName' | 'middleName' | 'lastName'>) =>
  [p.firstName, p.middleName, p.lastName].filter(Boolean).join(' ');

/** "SMITH, John A" — the safety format: last name first, unmistakable. */
export const listName = (p: Pick<PatientSummary, 'firstName' | 'middleName' | 'lastName'>) =>
  `${p.lastName.toUpperCase()}, ${[p.firstName, p.middleName].filter(Boolean).join(' ')}`;

export const dobWithAge = (dob: string) => `${formatIsoDate(dob)} (${ageOn(dob)} y)`;

export const sexLabel = (s: PatientSummary['sex']) => ({ female: 'Female', male: 'Male', unknown: 'Unknown' })[s];

/** 1EG4TE5MK73 → 1EG4-TE5-MK73, as printed on the Medicare card. */
export const formatMbi = (mbi: string | null) => (mbi ? `${mbi.slice(0, 4)}-${mbi.slice(4, 7)}-${mbi.slice(7)}` : '');

export const languageName = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

export { formatIsoDate, formatPhone };

export function addressLines(a: PatientDetail['address']): string[] {
  const cityLine = [a.city, [a.state, a.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a.line1, a.line2, cityLine].filter((l): l is string => Boolean(l));
}
