// A demo pharmacy: clearly fictional people with plausible ages, plans, conditions that go
// together, medicines that fit them, two years of fills with steady, gappy and stopped patterns,
// prescribers with valid NPIs, some allergies and genotypes — and reviews and claims in every state.
// Deterministic for a seed. Bulk rows go in through prepared statements in one transaction; reviews
// and claims go through the same code the screens use.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import demo from '../../resources/demo/demo-pharmacy.json';
import { isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import { npiCheckDigit } from '../../preload/schemas/identifiers';
import type { SignedInUser } from '../../preload/schemas/security';
import { actOnClaim, createClaim } from '../billing/claims';
import { saveProvider, savePayer, savePharmacist } from '../billing/billing-setup';
import { exportClaims } from '../billing/export-claims';
import { rawConnection } from '../db/data-source';
import type { Row } from '../db/rows';
import { one, sql } from '../db/sql';
import { recodeFills } from '../medications/vocabulary/recognise-fills';
import { saveRecommendation, saveCommunication, recordOutcome } from '../reviews/review-plan';
import { actOnReview, createReview, resolveLine, timeReview, updateReview } from '../reviews/review-store';
import { OUTCOMES } from '../../preload/schemas/reviews';
import identifiers from '../../resources/reference/identifiers.json';
import targeting from '../../resources/regulatory/mtm-targeting.json';
import { CORE_DISEASE_IDS } from '../../preload/schemas/eligibility';
import { latestBundledThreshold, setCriteria } from '../eligibility/criteria-store';

/** What a demo medicine's label says, and one month's fill of it. */
interface DemoProduct {
  strength: string;
  form: string;
  sig: string;
  quantity: number;
  days: number;
  /** Why it is taken, for a medicine no demo condition lists. */
  reason?: string;
}
const PRODUCTS: Record<string, DemoProduct> = demo.products.items;

export interface DemoSummary {
  patients: number;
  fills: number;
  prescribers: number;
  reviews: number;
  claims: number;
}

/** mulberry32: a small, repeatable stream of numbers in [0, 1). */
function random(seed: number) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Nine random digits and the NPI check digit. */
function npi(rand: () => number): string {
  const body = `1${Array.from({ length: 8 }, () => Math.floor(rand() * 10)).join('')}`;
  return body + npiCheckDigit(body);
}

const MBI_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((l) => !identifiers.mbi.excludedLetters.includes(l));
function mbi(rand: () => number): string {
  const pick = (kind: string) => {
    const n = () => String(Math.floor(rand() * 10));
    const a = () => MBI_LETTERS[Math.floor(rand() * MBI_LETTERS.length)]!;
    return kind === 'C'
      ? String(1 + Math.floor(rand() * 9))
      : kind === 'N'
        ? n()
        : kind === 'A'
          ? a()
          : rand() < 0.5
            ? a()
            : n();
  };
  return identifiers.mbi.positions.map(pick).join('');
}

export async function fillDemoPharmacy(
  db: DataSource,
  user: SignedInUser,
  opts: { patients: number; seed: number; today?: string; reviews?: number },
): Promise<DemoSummary> {
  const rand = random(opts.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const shuffle = <T>(xs: readonly T[]) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const today = opts.today ?? todayIso();
  const now = new Date().toISOString();
  const raw = rawConnection(db);
  const ids: string[] = [];
  /** Patients with a condition and a medicine, complex ones first: the ones worth reviewing (and billable). */
  const reviewable: string[] = [];
  const complexReviewable: string[] = [];
  const prescriberIds: string[] = [];
  let fills = 0;

  const insert = {
    prescriber: raw.prepare(
      `INSERT INTO prescribers (id, npi, first_name, last_name, credentials, phone, fax, preferred_contact,
        created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'fax', ?, 'demo', ?, 'demo')`,
    ),
    patient: raw.prepare(
      `INSERT INTO patients (id, external_id, first_name, last_name, date_of_birth, sex, phone, address_line1, city,
        state, zip, preferred_language, mbi, part_d_plan_name, part_d_contract_id, part_d_member_id,
        no_known_allergies, notes, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Demotown', 'OH', '43999', ?, ?, ?, ?, ?, ?,
         'Demo pharmacy: fictional person', ?, 'demo', ?, 'demo')`,
    ),
    allergy: raw.prepare(
      `INSERT INTO patient_allergies (id, patient_id, substance, reaction, severity, kind, created_at)
        VALUES (?, ?, ?, ?, 'moderate', 'allergy', ?)`,
    ),
    condition: raw.prepare(
      `INSERT INTO patient_conditions (id, patient_id, code, created_at, created_by) VALUES (?, ?, ?, ?, 'demo')`,
    ),
    medication: raw.prepare(
      `INSERT INTO patient_medications (id, patient_id, product, kind, strength, dose_form, sig, indication,
        prescriber_id, start_date, source, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, 'rx', ?, ?, ?, ?, ?, ?, 'patientReported', ?, 'demo', ?, 'demo')`,
    ),
    fill: raw.prepare(
      `INSERT INTO fills (id, patient_id, rx_number, fill_number, fill_date, drug_name, strength, dose_form, sig,
        quantity, days_supply, prescriber_npi, cost, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    genotype: raw.prepare(
      `INSERT INTO patient_genotypes (id, patient_id, gene, result, tested_on, laboratory,
        created_at, created_by) VALUES (?, ?, 'CYP2C19', 'Poor metabolizer', ?, 'Demo Genomics Lab', ?, 'demo')`,
    ),
    enrollment: raw.prepare(
      `INSERT INTO mtm_enrollments (patient_id, contract_year, version, targeted_date, enrolled_date,
        cmr_offered_date, cmr_offered_method, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?, ?, 'demo')`,
    ),
  };

  raw.transaction(() => {
    const npis = new Set<string>();
    for (let i = 0; i < Math.max(5, Math.round(opts.patients / 40)); i++) {
      let n = npi(rand);
      while (npis.has(n)) n = npi(rand);
      npis.add(n);
      const id = randomUUID();
      prescriberIds.push(id);
      insert.prescriber.run(
        id,
        n,
        pick(demo.firstNames),
        `${pick(demo.lastNames)}-Demo`,
        pick(['MD', 'DO', 'NP', 'PA-C']),
        '6145550100',
        '6145550199',
        now,
        now,
      );
    }
    const prescriberNpi = new Map(prescriberIds.map((id, i) => [id, [...npis][i]!]));
    const year = Number(today.slice(0, 4));
    for (let i = 0; i < opts.patients; i++) {
      const id = randomUUID();
      ids.push(id);
      // Mostly 65 and over, a few younger (disability-based Medicare).
      const age = rand() < 0.9 ? 65 + Math.floor(rand() * 28) : 40 + Math.floor(rand() * 25);
      const dob = `${Number(today.slice(0, 4)) - age}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const plan = pick(demo.plans);
      const allergy = rand() < 0.2 ? pick(demo.allergies) : null;
      // The dispensing system's patient number, so fill exports can name patients by it.
      insert.patient.run(
        id,
        `DEMO-${i}`,
        pick(demo.firstNames),
        pick(demo.lastNames),
        dob,
        rand() < 0.55 ? 'female' : 'male',
        `614555${String(1000 + (i % 9000)).slice(-4)}`,
        `${1 + Math.floor(rand() * 999)} Imaginary Lane`,
        rand() < 0.1 ? 'es' : 'en',
        mbi(rand),
        plan.name,
        plan.contractId,
        `DEMO${String(i).padStart(7, '0')}`,
        allergy ? 0 : 1,
        now,
        now,
      );
      if (allergy) insert.allergy.run(randomUUID(), id, allergy.substance, allergy.reaction, now);
      if (rand() < 0.03) insert.genotype.run(randomUUID(), id, isoDaysBefore(today, 400), now);
      // Conditions that go together: dyslipidemia and diabetes are likelier with hypertension. Complex
      // patients (the ones MTM targets) have more conditions, every medicine their conditions allow, and more others.
      const complex = rand() < demo.complex.share;
      const likelier = (share: number) => Math.min(0.95, share * (complex ? demo.complex.conditionShareFactor : 1));
      const hasHtn = rand() < likelier(demo.conditions[0]!.share);
      const conditions = demo.conditions.filter((c, k) =>
        k === 0 ? hasHtn : rand() < likelier(c.share * (hasHtn ? 1.15 : 0.7)),
      );
      const medicines = complex
        ? [
            ...conditions.flatMap((c) => shuffle(c.medicines).slice(0, c.maxMedicines)),
            ...demo.otherMedicines.filter(() => rand() < demo.complex.otherMedicineShare),
          ]
        : [
            ...new Set([
              ...conditions.map((c) => pick(c.medicines)),
              ...(rand() < demo.otherMedicineShare ? [pick(demo.otherMedicines)] : []),
            ]),
          ];
      for (const c of conditions) insert.condition.run(randomUUID(), id, c.code, now);
      if (conditions.length && medicines.length) (complex ? complexReviewable : reviewable).push(id);
      const pattern =
        rand() < demo.adherence.steady
          ? 'steady'
          : rand() < demo.adherence.gappy / (1 - demo.adherence.steady)
            ? 'gappy'
            : 'stopped';
      for (const [m, medicine] of medicines.entries()) {
        const prescriber = pick(prescriberIds);
        const product = PRODUCTS[medicine]!;
        const months = rand() < demo.ninetyDayShare ? 3 : 1;
        const supply = product.days * months;
        insert.medication.run(
          randomUUID(),
          id,
          medicine,
          product.strength,
          product.form,
          product.sig,
          conditions.find((c) => c.medicines.includes(medicine))?.code ?? product.reason ?? null,
          prescriber,
          isoDaysBefore(today, 730),
          now,
          now,
        );
        // Two years of fills, ending in the pattern chosen for the patient.
        let day = 730 - Math.floor(rand() * 20);
        let fillNumber = 0;
        const stopAt = pattern === 'stopped' ? 60 + Math.floor(rand() * 200) : -1;
        while (day > 0 && day > stopAt) {
          insert.fill.run(
            randomUUID(),
            id,
            `D${i}-${m}`,
            fillNumber++,
            isoDaysBefore(today, day),
            `${medicine} ${product.strength} ${product.form}`.toUpperCase(),
            product.strength,
            product.form,
            product.sig,
            product.quantity * months,
            supply,
            prescriberNpi.get(prescriber)!,
            Math.round(rand() * 4000) / 100,
            now,
          );
          fills++;
          day -= supply + (pattern === 'gappy' ? 5 + Math.floor(rand() * 35) : Math.floor(rand() * 4));
        }
      }
      if (complex && rand() < demo.complex.enrolledShare) {
        const offered = rand() < 0.5;
        insert.enrollment.run(
          id,
          year,
          isoDaysBefore(today, 200),
          isoDaysBefore(today, 190),
          offered ? isoDaysBefore(today, 100) : null,
          offered ? 'telephone' : null,
          now,
        );
      }
    }
  })();
  await recodeFills(db);
  reviewable.unshift(...complexReviewable);
  // This year's criteria with the latest cost threshold the data has a source for, carried forward (see resources/demo).
  const latest = latestBundledThreshold();
  await setCriteria(
    db.manager,
    Number(today.slice(0, 4)),
    {
      minDiseases: targeting.defaults.minDiseases,
      minDrugs: targeting.defaults.minDrugs,
      costThreshold: latest.costThreshold,
      diseases: [...CORE_DISEASE_IDS],
    },
    user.username,
  );

  // Billing set-up and a payer, then reviews and claims in every state through the real code.
  await saveProvider(db.manager, user, {
    legalName: 'Demo Community Pharmacy LLC',
    npi: npi(rand),
    taxId: '990000001',
    taxonomy: '3336C0003X',
    address: { line1: '1 Demo Plaza', city: 'Demotown', state: 'OH', zip: '439990001' },
    phone: '6145550100',
  });
  await savePharmacist(db.manager, user, {
    username: user.username,
    firstName: user.fullName.split(' ')[0] ?? 'Demo',
    lastName: user.fullName.split(' ').slice(1).join(' ').replace(/,.*$/, '') || 'Pharmacist',
    npi: npi(rand),
    taxonomy: '183500000X',
  });
  const setup = await savePayer(db.manager, user, {
    name: 'Demo Senior Rx',
    payerId: 'DEMO1',
    kind: 'partD',
    submitterId: 'DEMOPHARM',
    receiverId: 'DEMOCLEAR',
    receiverName: 'Demo Clearinghouse',
    claimFilingCode: 'CI',
    unitRule: 'midpoint',
    remotePlaceOfService: '10',
    fees: { '99605': 6500, '99606': 5000, '99607': 2500 },
    active: true,
    planContracts: ['S9901'],
  });
  const payerId = setup.payers[0]!.id;
  const reviews = Math.min(opts.reviews ?? 32, reviewable.length);
  let claims = 0;
  const readyLater: Awaited<ReturnType<typeof createClaim>>[] = [];
  const states = ['draft', 'inProgress', 'awaitingPrescriber', 'completed'] as const;
  /** A review walked through the real steps to `target`; a prescriber's answer, if given, once it is completed. */
  const walkReview = async (
    k: number,
    patientId: string,
    type: 'cmr' | 'tmr',
    target: (typeof states)[number],
    answer?: (typeof OUTCOMES)[number],
  ) => {
    let r = await createReview(db, user, { patientId, type });
    if (target === 'draft') return r;
    const prescriberId = prescriberIds[k % prescriberIds.length]!;
    r = await actOnReview(db, user, r.id, r.version, { action: 'start' });
    r = await updateReview(db, user, {
      id: r.id,
      version: r.version,
      changes: {
        deliveryMethod: k % 3 ? 'inPerson' : 'telephone',
        ...(type === 'cmr' ? { cmrDate: isoDaysBefore(today, 1 + (k % 20)) } : {}),
        problemsConfirmed: true,
        followUpDate: r.suggestedFollowUp,
      },
    });
    for (const l of r.reconciliation)
      r = await resolveLine(db, user, {
        id: r.id,
        version: r.version,
        lineKey: l.key,
        resolution: 'asListed',
        note: undefined,
      });
    const problem = await one<Pick<Row<'drug_therapy_problems'>, 'id'>>(
      db,
      sql`
      INSERT INTO drug_therapy_problems (id, patient_id, source, category, severity, title, description, created_at,
        created_by)
      VALUES (${randomUUID()}, ${patientId}, 'manual', 'nonadherence', 'moderate',
        ${r.reconciliation[0]?.ingredients.join(' + ') || 'medicines'}, 'Gaps between refills (demo)',
        ${new Date().toISOString()}, ${user.username})
      RETURNING id`,
    );
    r = await updateReview(db, user, { id: r.id, version: r.version, changes: { problemsConfirmed: true } });
    r = await saveRecommendation(db, user, {
      id: r.id,
      version: r.version,
      recommendation: {
        problemId: problem!.id,
        action: 'educate',
        actor: 'patient',
        prescriberId: null,
        medicine: null,
        detail: 'Refill reminders and a weekly pill box (demo)',
        talkedAbout: 'Taking your medicines every day.',
        toDo: 'Use the pill box every morning.',
        talkedAboutEs: 'Tomar sus medicamentos todos los días.',
        toDoEs: 'Usar el pastillero cada mañana.',
      },
    });
    r = await saveRecommendation(db, user, {
      id: r.id,
      version: r.version,
      recommendation: {
        problemId: problem!.id,
        action: 'changeProduct',
        actor: 'prescriber',
        prescriberId,
        medicine: r.reconciliation[0]?.medicine ?? null,
        detail: 'Consider 90-day supplies (demo)',
        talkedAbout: '',
        toDo: '',
        talkedAboutEs: '',
        toDoEs: '',
      },
    });
    r = await saveCommunication(db, user, {
      id: r.id,
      version: r.version,
      prescriberId,
      method: 'fax',
      sentDate: isoDaysBefore(today, 1 + (k % 20)),
      dueDate: isoDaysBefore(today, -7 + (k % 20)),
    });
    const minutes = (type === 'cmr' ? 20 : 10) + (k % 4) * 10;
    r = await timeReview(db, user, r.id, r.version, { correctMinutes: minutes });
    if (target === 'inProgress') return r;
    if (target === 'awaitingPrescriber') return actOnReview(db, user, r.id, r.version, { action: 'awaitPrescriber' });
    r = await actOnReview(db, user, r.id, r.version, { action: 'complete', minutes });
    return answer
      ? recordOutcome(db, user, {
          id: r.id,
          version: r.version,
          recommendationId: r.plan[1]!.id,
          outcome: answer,
          date: today,
          note: undefined,
        })
      : r;
  };
  for (let k = 0; k < reviews; k++) {
    const target = states[k % states.length]!;
    const r = await walkReview(k, reviewable[k]!, 'cmr', target, k % 8 === 3 ? 'accepted' : undefined);
    if (target !== 'completed') continue;
    let c = await createClaim(db, user, { reviewId: r.id, payerId });
    claims++;
    // Claims walk the states in turn: draft, ready, exported, submitted, paid, denied, rejected, voided.
    const path = Math.floor(k / 4) % 8;
    if (path === 0) continue;
    // A claim left ready must be made ready after the last export, which takes every ready claim.
    if (path === 1) {
      readyLater.push(c);
      continue;
    }
    c = await actOnClaim(db, user, { action: 'ready', id: c.id, version: c.version });
    await exportClaims(db, user, { format: '837p', from: isoDaysBefore(today, 60), to: today, payerId });
    const version = async () =>
      (await one<Pick<Row<'claims'>, 'version'>>(db, sql`SELECT version FROM claims WHERE id = ${c.id}`))!.version;
    if (path === 2) continue;
    if (path === 6)
      await actOnClaim(db, user, {
        action: 'rejected',
        id: c.id,
        version: await version(),
        reason: 'Demo: invalid subscriber ID',
      });
    // The void goes out as a claim of its own (frequency 8), ready for the next export.
    else if (path === 7) await actOnClaim(db, user, { action: 'void', id: c.id, version: await version() });
    else {
      c = await actOnClaim(db, user, { action: 'submitted', id: c.id, version: await version() });
      if (path === 4)
        await actOnClaim(db, user, {
          action: 'paid',
          id: c.id,
          version: c.version,
          paidAmount: c.totalCents / 100 - 5,
          paidDate: today,
          payerClaimNumber: `DEMO-ICN-${k}`,
        });
      if (path === 5)
        await actOnClaim(db, user, {
          action: 'denied',
          id: c.id,
          version: c.version,
          reason: 'Demo: member not eligible',
          payerClaimNumber: `DEMO-ICN-${k}`,
        });
    }
  }
  for (const c of readyLater) await actOnClaim(db, user, { action: 'ready', id: c.id, version: c.version });
  // Follow-up TMRs for other targeted patients, with every kind of prescriber answer (and some still awaited).
  const tmrs = Math.min(Math.round(reviews / 2), reviewable.length - reviews);
  for (let k = 0; k < tmrs; k++)
    await walkReview(
      reviews + k,
      reviewable[reviews + k]!,
      'tmr',
      'completed',
      [...OUTCOMES, undefined][k % (OUTCOMES.length + 1)],
    );
  return { patients: ids.length, fills, prescribers: prescriberIds.length, reviews: reviews + tmrs, claims };
}
