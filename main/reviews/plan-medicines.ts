// The one medicine a recommendation acts on. Each reconciliation line is one medicine with one name;
// a problem concerns the lines its title names; a recommendation names exactly one medicine — one
// the patient takes, or (to start) one she does not — and its action-plan item names it too.
import type { DrugTherapyProblem } from '../../preload/schemas/checks';
import {
  needsMedicine,
  RECOMMENDATION_LABELS,
  type PlanSuggestion,
  type ReconciliationLine,
  type RecommendationAction,
  type ReviewLine,
} from '../../preload/schemas/reviews';
import { AppError } from '../common/errors';
import { BUNDLED_RULES } from '../checks/knowledge-base';
import { interpretProduct } from '../medications/interpret-product';
import { ingredientsIn, normalizeDrugText as norm } from '../medications/vocabulary/bundled';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const listed = (l: ReconciliationLine) => l.entries.find((e) => e.source !== 'pharmacyFill') ?? l.entries[0]!;

/**
 * The line's medicine as a recommendation and the patient's plan name it: the ingredient of a single-ingredient
 * medicine ("metformin", however it was typed or filled), else the product as listed (or filled) — a combination
 * tablet is one medicine under its product's name.
 */
export function lineMedicine(l: ReconciliationLine): string {
  return l.ingredients.length === 1 ? l.ingredients[0]! : listed(l).product.trim();
}

/** "metformin 500 mg": the medicine with the strength a source states, or the product's name gives. */
export function lineWithStrength(l: ReviewLine): string {
  const strength =
    l.entries.find((e) => e.strength?.trim())?.strength?.trim() ??
    l.entries.map((e) => interpretProduct(e.product).strength).find(Boolean);
  return strength && !norm(l.medicine).includes(norm(strength)) ? `${l.medicine} ${strength}` : l.medicine;
}

const stillTaken = (l: ReviewLine) => l.resolution !== 'stopped' && l.resolution !== 'notTaking';
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Whether `name` is this line's medicine: its name, a product on it as written, or exactly its ingredients. */
function isLine(name: string, l: ReviewLine): boolean {
  const n = norm(name);
  if (!n) return false;
  if (n === norm(l.medicine) || l.entries.some((e) => norm(e.product) === n)) return true;
  const named = ingredientsIn(name);
  return named.length > 0 && sameSet(named, l.ingredients);
}

/**
 * The medicines a name lists when it names more than one ("lisinopril + losartan", "metformin, glipizide",
 * "lisinopril and losartan" where both are known medicines); null when it names one.
 */
export function medicinesNamed(name: string): string[] | null {
  const listedApart = name
    .split(/\s*[+,;]\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (listedApart.length > 1) return listedApart;
  const joined = name
    .split(/\s+(?:and|with|plus|y|&)\s+|\s*\/\s*/i)
    .map((s) => s.trim())
    .filter((s) => ingredientsIn(s).length > 0);
  return joined.length > 1 ? joined : null;
}

/** The lines a problem concerns: those holding an ingredient its title names (or an unrecognised product it names). */
export function problemLines(title: string, lines: ReviewLine[]): ReviewLine[] {
  const named = new Set(ingredientsIn(title));
  const words = ` ${norm(title)} `;
  return lines.filter((l) =>
    l.ingredients.length ? l.ingredients.some((i) => named.has(i)) : words.includes(` ${norm(l.entries[0]!.product)} `),
  );
}

// A rule's kind that implies the recommendation; the other kinds (interactions, Beers, disease–drug, kidney
// dosing) can be met by several, so the pharmacist chooses.
const FAMILY_ACTION: Partial<Record<string, RecommendationAction>> = {
  dose: 'changeDose',
  adherence: 'educate',
  lateRefill: 'educate',
  missingTherapy: 'start',
};
const RULE_FAMILY = new Map(BUNDLED_RULES.map((r) => [r.id, r.family as string]));

export function suggestionFor(p: DrugTherapyProblem, lines: ReviewLine[]): PlanSuggestion {
  const medicines = [...new Set(problemLines(p.title, lines).map((l) => l.medicine))];
  const action = (p.ruleId && FAMILY_ACTION[RULE_FAMILY.get(p.ruleId) ?? '']) || null;
  return {
    problemId: p.id,
    medicines,
    action,
    medicine: action !== 'start' && medicines.length === 1 ? medicines[0]! : null,
    detail: p.suggestedAction?.slice(0, 1000) ?? null,
  };
}

const refuse = (field: string, message: string) =>
  new AppError('validation', message, `recommendation.${field}`, [{ field: `recommendation.${field}`, message }]);

/**
 * The medicine a recommendation may name, as the plan names it (a current medicine by its line's name), or a
 * refusal that says why: two medicines in one, one the patient already takes to start, one she does not take to
 * stop or change. Monitor, educate and refer may also name a medicine this plan starts.
 */
export function checkMedicine(
  action: RecommendationAction,
  medicine: string,
  lines: ReviewLine[],
  patient: string,
  startedHere: string[],
): { name: string; line: ReviewLine | null } {
  const whose = `${patient}’s`;
  const line = lines.find((l) => isLine(medicine, l)) ?? null;
  const several = line ? null : medicinesNamed(medicine);
  if (several)
    throw refuse(
      'medicine',
      `"${medicine}" names ${several.length} medicines (${several.join(', ')}). A recommendation acts on one: make one for each${action === 'start' ? ', or name the combination product as it is sold (its brand)' : ''}.`,
    );
  if (action === 'start') {
    const named = new Set(ingredientsIn(medicine));
    const taken = lines
      .filter(stillTaken)
      .find((l) => l === line || l.ingredients.some((i) => named.has(i)) || isLine(medicine, l));
    if (taken)
      throw refuse(
        'medicine',
        `${capitalised(medicine)} is already on ${whose} list${norm(taken.medicine) === norm(medicine) ? '' : ` (in ${taken.medicine})`} — choose ${RECOMMENDATION_LABELS.changeDose} or ${RECOMMENDATION_LABELS.changeProduct}, or Start a different medicine.`,
      );
    return { name: medicine, line: null };
  }
  if (line) return { name: line.medicine, line };
  if (!needsMedicine(action) && startedHere.some((s) => norm(s) === norm(medicine))) return { name: medicine, line };
  const current = lines.filter(stillTaken).map((l) => l.medicine);
  throw refuse(
    'medicine',
    `${capitalised(medicine)} is not on ${whose} medicine list. Choose one of ${whose} current medicines${current.length ? ` (${current.join(', ')})` : ''}${action === 'stop' || action === 'changeDose' || action === 'changeProduct' ? '' : ', or start it first'}.`,
  );
}

/** Whether patient text names the medicine: by the name used, or the line's ingredients or products. */
export function namesMedicine(text: string, medicine: string, line: ReviewLine | null): boolean {
  const words = ` ${norm(text)} `;
  const names = [medicine, ...ingredientsIn(medicine), ...(line ? [line.medicine, ...line.ingredients] : [])];
  return names.some((n) => norm(n) && words.includes(` ${norm(n)} `));
}
