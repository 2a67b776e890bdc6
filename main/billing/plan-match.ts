// Which payer a patient's Part D plan is billed to: the payer whose plan contracts list the patient's contract. A
// claim's payer defaults from it, and a claim to any other payer says so in words.
import type { Payer } from '../../preload/schemas/billing';
import { AppError } from '../common/errors';

/** The patient's Part D plan as the registry records it. */
export interface PatientPlan {
  contractId: string | null;
  planName: string | null;
}

/** Only these kinds of payer pay for a Part D plan's MTM programme; Medicaid, commercial and cash payers are not checked. */
const PLAN_KINDS: readonly Payer['kind'][] = ['partD', 'mtmVendor'];

const describe = (plan: PatientPlan) =>
  plan.planName && plan.contractId
    ? `${plan.planName}, contract ${plan.contractId}`
    : (plan.planName ?? plan.contractId!);

/** The active payers that list the contract. */
const payersOf = (payers: Payer[], contractId: string) =>
  payers.filter((p) => p.active && p.planContracts.includes(contractId));

/** How the payer and the patient's plan disagree, or why they cannot be checked; null when they agree. */
export function planWarning(plan: PatientPlan, payer: Payer, payers: Payer[]): string | null {
  if (!PLAN_KINDS.includes(payer.kind)) return null;
  if (!plan.contractId && !plan.planName)
    return `The patient’s Part D plan is not recorded: check that ${payer.name} is their plan before sending.`;
  if (!plan.contractId)
    return `The patient’s plan, ${plan.planName}, has no contract number recorded: check that ${payer.name} pays for it.`;
  if (payer.planContracts.includes(plan.contractId)) return null;
  const others = payersOf(payers, plan.contractId).filter((p) => p.id !== payer.id);
  const instead = others.length ? ` Bill ${others.map((p) => p.name).join(' or ')}, which lists it.` : '';
  if (!payer.planContracts.length)
    return `${payer.name} lists no Part D contracts under Billing set-up, so it cannot be checked against the patient’s plan, ${describe(plan)}.${instead}`;
  return `The patient’s plan is ${describe(plan)}, which ${payer.name} does not pay for (it lists ${payer.planContracts.join(', ')}).${instead}`;
}

/** The payer a claim for the patient goes to when none is chosen: the one listing their plan, or the only active one. */
export function defaultPayer(plan: PatientPlan, payers: Payer[]): Payer {
  const active = payers.filter((p) => p.active);
  if (!active.length)
    throw new AppError('validation', 'No payers are set up yet: an administrator adds them under Billing → Set-up.');
  const listing = plan.contractId ? payersOf(payers, plan.contractId) : [];
  if (listing.length === 1) return listing[0]!;
  if (active.length === 1) return active[0]!;
  const why = !plan.contractId
    ? 'the patient’s Part D contract number is not recorded'
    : listing.length
      ? `${plan.contractId} is listed by ${listing.map((p) => p.name).join(' and ')}`
      : `no payer lists the patient’s plan, ${describe(plan)}`;
  throw new AppError('validation', `Choose the payer: ${why}.`, 'payerId');
}
