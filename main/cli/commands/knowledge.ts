import { coverage } from '../../checks/coverage';
import { CliError } from '../password-input';

export const usage =
  'mtm knowledge   (the clinical knowledge base: rules per family and source, vocabulary, conditions, top-300 drugs without a rule)';

const table = (rows: [string, string | number][]) =>
  rows.map(([a, b]) => `  ${String(b).padStart(6)}  ${a}`).join('\n');

/** Prints the coverage report; needs no data folder (the bundled knowledge only). */
export async function knowledgeCommand(argv: string[]): Promise<void> {
  if (argv.length) throw new CliError(`mtm knowledge takes no arguments. Use: ${usage}`);
  const c = coverage();
  console.log(`Knowledge base: ${c.rules} rules`);
  console.log('\nRules per family:');
  console.log(table(Object.entries(c.byFamily).sort((a, b) => b[1] - a[1])));
  console.log('\nRules per source:');
  console.log(table(c.bySource.map((s) => [`${s.source}: ${s.document.slice(0, 110)}`, s.rules])));
  console.log(
    `\nVocabulary: ${c.vocabulary.entries} entries (${c.vocabulary.withRxcui} with an RxNorm code, ${c.vocabulary.combinations} combination products), ${c.vocabulary.classes} ATC classes`,
  );
  console.log(`Conditions: ${c.conditions.codes} ICD-10-CM codes, ${c.conditions.groups} condition groups`);
  console.log(
    `\nTop 300 drugs (resources/drugs/top-300.txt): ${c.top300.listed} listed, ${c.top300.listed - c.top300.notInVocabulary.length} in the vocabulary`,
  );
  if (c.top300.notInVocabulary.length) console.log(`  not in the vocabulary: ${c.top300.notInVocabulary.join(', ')}`);
  console.log(`  without any rule (${c.top300.withoutRule.length}): ${c.top300.withoutRule.join(', ') || 'none'}`);
}
