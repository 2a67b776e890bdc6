// A medicine's name as the patient's documents print it: generic name, strength, dose form and the
// brand the patient knows — "Atorvastatin 20 mg tablet (Lipitor)". What the vocabulary does not
// recognise prints as it was typed, with its strength, rather than a guess.
import forms from '../../resources/documents/dose-forms.json';
import { interpretProduct } from '../medications/interpret-product';
import { normalizeDrugText } from '../medications/vocabulary/bundled';
import type { Language } from './document-data';

export interface MedicineFacts {
  product: string;
  strength?: string | null;
  /** The dose form the medication list recorded, if any ("extended-release tablet"). */
  doseForm?: string | null;
}

const SPANISH_FORMS: Record<string, string> = forms.es;
// The forms the name itself may spell out ("Fluticasone nasal spray"), longest first so "nasal spray" beats "spray".
const NAMED_FORMS = Object.keys(SPANISH_FORMS).sort((a, b) => b.length - a.length);
const formNamedIn = (product: string) => {
  const text = ` ${product.toLowerCase()} `;
  return NAMED_FORMS.find((f) => text.includes(` ${f} `)) ?? null;
};
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The brand the product was typed as ("Lipitor 20 mg"), else the drug's only brand; null when it has several or none. */
function brandOf(product: string, brands: readonly string[]): string | null {
  const text = normalizeDrugText(product);
  const typed = brands.find((b) => {
    const term = normalizeDrugText(b.replace(/\s*\(.*\)$/, ''));
    return text === term || text.startsWith(`${term} `);
  });
  return typed ?? (brands.length === 1 ? brands[0]! : null);
}

export function medicineName(m: MedicineFacts, language: Language): string {
  const read = interpretProduct([m.product, m.strength].filter(Boolean).join(' '));
  const strength = m.strength?.trim() || read.strength;
  const drug = read.drug;
  // A name with its own brand in brackets ("… pen (Xultophy 100/3.6)") or an unrecognised one is kept as typed.
  if (!drug || /\(.*\)/.test(m.product)) {
    const typed = m.product.trim();
    return strength && !typed.toLowerCase().includes(strength.toLowerCase()) ? `${typed} ${strength}` : typed;
  }
  const named = m.doseForm?.trim() || formNamedIn(m.product) || read.doseForm;
  const form = named || (drug.forms.length === 1 ? drug.forms[0]! : null);
  // "50 mcg/spray" already says spray.
  const shownForm = form && strength?.toLowerCase().endsWith(`/${form.split(' ').at(-1)}`) ? null : form;
  const brand = brandOf(m.product, drug.brands);
  return [
    capitalised(drug.name),
    read.salt,
    strength,
    shownForm && (language === 'es' ? (SPANISH_FORMS[shownForm] ?? shownForm) : shownForm),
    brand && `(${brand})`,
  ]
    .filter(Boolean)
    .join(' ');
}
