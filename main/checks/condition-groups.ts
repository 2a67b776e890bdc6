// Condition groups (resources/clinical/condition-groups.json): the conditions rules speak of
// ("heart failure", "history of falls"), each a list of ICD-10-CM code prefixes, so a pharmacy that
// loads the full code set gets the same answers as the bundled subset.
import groupsFile from '../../resources/clinical/condition-groups.json';

export interface ConditionGroup {
  id: string;
  name: string;
  prefixes: string[];
}
export const CONDITION_GROUPS: readonly ConditionGroup[] = groupsFile.groups;
export const CONDITION_GROUP_IDS = new Set(CONDITION_GROUPS.map((g) => g.id));

const cache = new Map<string, string[]>();
/** The groups one code falls under ("I50.22" → heartFailure, hfref). */
export function groupsOfCode(code: string): string[] {
  let groups = cache.get(code);
  if (!groups)
    cache.set(
      code,
      (groups = CONDITION_GROUPS.filter((g) => g.prefixes.some((p) => code.startsWith(p))).map((g) => g.id)),
    );
  return groups;
}
export const conditionGroupsOf = (codes: readonly string[]) => new Set(codes.flatMap(groupsOfCode));
export const conditionGroupName = (id: string) => CONDITION_GROUPS.find((g) => g.id === id)?.name ?? id;
