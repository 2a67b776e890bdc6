/** The review wizard's steps, in order (step n is STEP_NAMES[n - 1]). */
export const STEP_NAMES = ['Review', 'Assessment', 'Plan', 'Intervention', 'Documentation'] as const;
