// What the pharmacist typed goes into the patient's documents as typed. Before a summary prints, the
// words that would land in the other language's document are named, so the pharmacist can write them
// in the patient's language (or knowingly print them as they are).
import { planItem } from './cmr-summary';
import type { Language, ReviewDocumentData } from './document-data';

export const otherLanguage = (language: Language): Language => (language === 'es' ? 'en' : 'es');
const LANGUAGE_NAME: Record<Language, string> = { en: 'English', es: 'Spanish' };

// Short function words that are common in one language and rare in the other.
const WORDS: Record<Language, Set<string>> = {
  en: new Set(
    'the and with your you take by mouth every day of for at to when if before after night morning'.split(' '),
  ),
  es: new Set(
    'el la los las con su usted tome por boca cada día de para en cuando si antes después noche mañana y'.split(' '),
  ),
};

/** The language a piece of free text is most likely in; null when it is too short or mixed to tell. */
export function languageOf(text: string): Language | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const count = (l: Language) => words.filter((w) => WORDS[l].has(w)).length;
  const en = count('en');
  const es = count('es');
  if (en === es) return null;
  return en > es ? 'en' : 'es';
}

/** Free text in a document that reads as the other language, in the pharmacist's terms. */
export function otherLanguageWarnings(d: ReviewDocumentData): string[] {
  const other = otherLanguage(d.language);
  const inDocument = `the ${LANGUAGE_NAME[d.language]} summary`;
  const warnings: string[] = [];
  for (const x of d.review.plan) {
    const item = planItem(x, d.language);
    if (!item.talkedAbout) continue;
    const about = x.medicine ?? item.talkedAbout.slice(0, 40);
    if (d.language === 'es' && !(x.talkedAboutEs && x.toDoEs))
      warnings.push(
        `The action-plan item about ${about} has no Spanish wording: its English words print in ${inDocument}.`,
      );
    else if (languageOf(`${item.talkedAbout} ${item.toDo}`) === other)
      warnings.push(
        `The action-plan item about ${about} reads as ${LANGUAGE_NAME[other]} and prints as typed in ${inDocument}.`,
      );
  }
  // The pharmacists type in English: in a Spanish document any typed words not recognisably Spanish are named.
  const foreign = (text: string) => (d.language === 'es' ? languageOf(text) !== 'es' : languageOf(text) === other);
  for (const m of d.medications) {
    if (m.asTyped.howIUse && foreign(m.howIUse))
      warnings.push(`The directions for ${m.medication} print as typed in ${inDocument}: "${m.howIUse}".`);
    if (m.asTyped.whyIUse && foreign(m.whyIUse))
      warnings.push(`The reason for ${m.medication} prints as typed in ${inDocument}: "${m.whyIUse}".`);
  }
  // The caregiver's relationship is named as a source of the medication list, as it was typed.
  const relationship = d.review.recipient === 'caregiver' && d.review.caregiverName && d.review.caregiverRelationship;
  if (relationship && d.language === 'es' && languageOf(relationship) !== 'es')
    warnings.push(`The caregiver’s relationship prints as typed in ${inDocument}: "${relationship.trim()}".`);
  return warnings;
}
