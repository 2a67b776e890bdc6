// What a medicine typed as pharmacists type it says: "metoprolol succ ER 25" is metoprolol, 25 mg,
// extended-release tablet, succinate salt; "Eliquis 5" is apixaban 5 mg; "vit D3 2000" a supplement.
import { formOf, parseStrengths, releaseOf, saltOf } from './product-text';
import { recogniseBundled, type BundledDrug } from './vocabulary/bundled';

export interface InterpretedProduct {
  drug: BundledDrug | null;
  /** "25 mg", "5 mg / 325 mg", "2000 IU"; null when the text gives no strength. */
  strength: string | null;
  /** "extended-release tablet"; null when the text names no form or release. */
  doseForm: string | null;
  salt: string | null;
}

const fmt = (n: number) => String(n);

export function interpretProduct(text: string): InterpretedProduct {
  const drug = recogniseBundled(text);
  // A bare number after the name is milligrams for a medicine, international units for vitamin D.
  const bare = !drug
    ? null
    : /vitamin d|cholecalciferol|ergocalciferol/.test(drug.name)
      ? 'IU'
      : drug.kind === 'herbal' || drug.kind === 'supplement'
        ? null
        : 'mg';
  const strengths = parseStrengths(text, bare);
  const form = formOf(text);
  const release = releaseOf(text);
  const salt = saltOf(text);
  return {
    drug,
    strength: strengths.length
      ? strengths
          .map((s) => `${fmt(s.amount)} ${s.unit}${s.perMl !== null ? `/${s.perMl === 1 ? '' : s.perMl} mL` : ''}`)
          .join(' / ')
      : null,
    doseForm:
      form || release
        ? [release === 'extended' ? 'extended-release' : null, form ?? (release ? 'tablet' : null)]
            .filter(Boolean)
            .join(' ')
        : null,
    // The salt belongs to the product only when it is not a word of the ingredient's own name (potassium chloride).
    salt: salt && !drug?.name.split(/\W+/).includes(salt) ? salt : null,
  };
}
