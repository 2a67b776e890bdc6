// What a patient's checks could not look at, gathered while the rules run and said in one sentence
// per reason: "No weight on record, so creatinine clearance was not computed: gabapentin". A gap
// means a check that matters could not run; an extra is a lab that would let a narrower rule speak.
export type NotCheckedLevel = 'gap' | 'extra';

export class NotChecked {
  private readonly reasons = new Map<string, { text: string; level: NotCheckedLevel; items: Set<string> }>();

  add(key: string, text: string, items: readonly string[], level: NotCheckedLevel = 'gap'): void {
    const r = this.reasons.get(key) ?? { text, level, items: new Set<string>() };
    for (const i of items) r.items.add(i);
    this.reasons.set(key, r);
  }

  sentences(level: NotCheckedLevel): string[] {
    return [...this.reasons.values()]
      .filter((r) => r.level === level)
      .map((r) => (r.items.size ? `${r.text}: ${[...r.items].sort().join(', ')}.` : `${r.text}.`));
  }
}

/** For the pharmacy-wide pass, which lists findings only: nothing is gathered. */
export class NothingNoted extends NotChecked {
  override add(): void {}
}
