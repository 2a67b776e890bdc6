// Loads an NLM RxNorm release (e.g. "RxNorm Current Prescribable Content") into the database:
// ingredients, brands and clinical drugs, which ingredients each contains, and NDCs. The previous
// release is replaced in the same transaction, so a failed load leaves the old one in place.
//
// RXNREL rows read "RXCUI2 has RELA RXCUI1" (RxNorm Technical Documentation, section 12.4); links are
// taken by the term types at both ends, so either direction of a relationship pair gives the same link.
import type { DataSource } from 'typeorm';
import type { SignedInUser } from '../../../preload/schemas/security';
import { AppError } from '../../common/errors';
import { audited, inOneTransaction, insertRows, oneImportAtATime, statement, type BulkWork } from '../../db/bulk';
import { normalizeNdc } from '../../fills/ndc';
import { sql } from '../../db/sql';
import { recodeFills } from './recognise-fills';
import { openRrfRelease } from './rrf-files';

const KEPT = new Set(['IN', 'MIN', 'BN', 'SCD', 'SBD', 'SCDC']);
// RXNCONSO: RXCUI|LAT|TS|LUI|STT|SUI|ISPREF|RXAUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF
const CONSO = { rxcui: 0, sab: 11, tty: 12, str: 14, suppress: 16, fields: 18 } as const;
// RXNREL: RXCUI1|RXAUI1|STYPE1|REL|RXCUI2|RXAUI2|STYPE2|RELA|RUI|SRUI|SAB|SL|DIR|RG|SUPPRESS|CVF
const REL = { rxcui1: 0, rxcui2: 4, rela: 7, sab: 10, fields: 16 } as const;
// RXNSAT: RXCUI|LUI|SUI|RXAUI|STYPE|CODE|ATUI|SATUI|ATN|SAB|ATV|SUPPRESS|CVF
const SAT = { rxcui: 0, atn: 8, sab: 9, atv: 10, suppress: 11, fields: 13 } as const;

export interface RxNormLoadReport {
  release: string;
  ingredients: number;
  clinicalDrugs: number;
  brands: number;
  ndcs: number;
  recodedFills: number;
}

function checkFields(file: string, row: string[], expected: number, line: number): void {
  // Each RRF line ends with "|", so a well-formed row splits into one more field than it has columns.
  if (row.length !== expected + 1)
    throw new AppError(
      'validation',
      `${file} line ${line} has ${row.length - 1} fields, not ${expected}: this is not an RxNorm RRF file.`,
    );
}

export async function loadRxNorm(db: DataSource, user: SignedInUser, path: string): Promise<RxNormLoadReport> {
  const release = await openRrfRelease(path);
  try {
    const conso = release.rows('RXNCONSO.RRF');
    const rel = release.rows('RXNREL.RRF');
    if (!conso || !rel)
      throw new AppError(
        'validation',
        `${release.release} has no RXNCONSO.RRF and RXNREL.RRF. Give the RxNorm release zip (or its unpacked folder) as downloaded from NLM.`,
      );

    const tty = new Map<string, string>();
    const names = new Map<string, string>();
    let line = 0;
    for await (const r of conso) {
      checkFields('RXNCONSO.RRF', r, CONSO.fields, ++line);
      if (r[CONSO.sab] !== 'RXNORM' || r[CONSO.suppress] !== 'N' || !KEPT.has(r[CONSO.tty]!)) continue;
      tty.set(r[CONSO.rxcui]!, r[CONSO.tty]!);
      names.set(r[CONSO.rxcui]!, r[CONSO.str]!);
    }
    if (![...tty.values()].includes('IN'))
      throw new AppError('validation', `${release.release} has no current RxNorm ingredients (SAB RXNORM, TTY IN).`);

    // drug → ingredients, in steps: SCDC → IN, SCD → SCDC, SBD → SCD, BN → IN.
    const edges = {
      componentIngredient: new Map<string, Set<string>>(),
      drugComponent: new Map<string, Set<string>>(),
      brandedClinical: new Map<string, Set<string>>(),
      brandIngredient: new Map<string, Set<string>>(),
    };
    const add = (m: Map<string, Set<string>>, from: string, to: string) =>
      m.set(from, (m.get(from) ?? new Set()).add(to));
    line = 0;
    for await (const r of rel) {
      checkFields('RXNREL.RRF', r, REL.fields, ++line);
      if (r[REL.sab] !== 'RXNORM') continue;
      const a = r[REL.rxcui1]!;
      const b = r[REL.rxcui2]!;
      const pair = `${tty.get(a)}>${tty.get(b)}`;
      const rela = r[REL.rela];
      if ((rela === 'has_ingredient' || rela === 'ingredient_of') && (pair === 'IN>SCDC' || pair === 'SCDC>IN'))
        add(edges.componentIngredient, pair === 'IN>SCDC' ? b : a, pair === 'IN>SCDC' ? a : b);
      else if ((rela === 'consists_of' || rela === 'constitutes') && (pair === 'SCDC>SCD' || pair === 'SCD>SCDC'))
        add(edges.drugComponent, pair === 'SCDC>SCD' ? b : a, pair === 'SCDC>SCD' ? a : b);
      else if ((rela === 'tradename_of' || rela === 'has_tradename') && (pair === 'SCD>SBD' || pair === 'SBD>SCD'))
        add(edges.brandedClinical, pair === 'SCD>SBD' ? b : a, pair === 'SCD>SBD' ? a : b);
      else if ((rela === 'tradename_of' || rela === 'has_tradename') && (pair === 'BN>IN' || pair === 'IN>BN'))
        add(edges.brandIngredient, pair === 'BN>IN' ? a : b, pair === 'BN>IN' ? b : a);
    }
    const ingredientsOf = (drug: string): Set<string> => {
      const out = new Set<string>();
      const t = tty.get(drug);
      if (t === 'BN') return edges.brandIngredient.get(drug) ?? out;
      const clinical = t === 'SBD' ? [...(edges.brandedClinical.get(drug) ?? [])] : [drug];
      for (const scd of clinical)
        for (const c of edges.drugComponent.get(scd) ?? [])
          for (const i of edges.componentIngredient.get(c) ?? []) out.add(i);
      return out;
    };

    const ndcs = new Map<string, string>();
    const sat = release.rows('RXNSAT.RRF');
    if (sat) {
      line = 0;
      for await (const r of sat) {
        checkFields('RXNSAT.RRF', r, SAT.fields, ++line);
        if (r[SAT.atn] !== 'NDC' || r[SAT.sab] !== 'RXNORM' || r[SAT.suppress] !== 'N') continue;
        const t = tty.get(r[SAT.rxcui]!);
        const ndc = normalizeNdc(r[SAT.atv]!);
        if ((t === 'SCD' || t === 'SBD') && 'ndc' in ndc) ndcs.set(ndc.ndc, r[SAT.rxcui]!);
      }
    }

    const concepts = [...tty].filter(([, t]) => t !== 'SCDC');
    const count = (kind: string) => concepts.filter(([, t]) => t === kind).length;
    const counts = { IN: count('IN'), SCD: count('SCD'), BN: count('BN') };
    const links = concepts
      .filter(([, t]) => t === 'SCD' || t === 'SBD' || t === 'BN')
      .flatMap(([rxcui]) => [...ingredientsOf(rxcui)].map((i) => [rxcui, i] as const));
    await oneImportAtATime(db, () =>
      inOneTransaction(db, `the RxNorm load of ${release.release}`, function* (): BulkWork<void> {
        for (const t of ['rxn_concepts', 'rxn_drug_ingredients', 'rxn_ndcs', 'rxn_release'])
          yield statement(sql`DELETE FROM ${sql.identifiers(t)}`);
        yield insertRows('rxn_concepts', ['rxcui', 'tty', 'name'], concepts, ([rxcui, t]) => [
          rxcui,
          t,
          names.get(rxcui),
        ]);
        yield insertRows('rxn_drug_ingredients', ['drug_rxcui', 'ingredient_rxcui'], links, (l) => l, {
          ignoreDuplicates: true,
        });
        yield insertRows('rxn_ndcs', ['ndc', 'rxcui'], ndcs, (n) => n);
        yield statement(sql`INSERT INTO rxn_release (id, release, loaded_at, loaded_by)
          VALUES (1, ${release.release}, ${new Date().toISOString()}, ${user.username})`);
        yield audited({
          username: user.username,
          action: 'drugs.loadRxNorm',
          category: 'drugs',
          outcome: 'success',
          detail: `${release.release}: ${counts.IN} ingredients, ${counts.SCD} clinical drugs, ${counts.BN} brands, ${ndcs.size} NDCs`,
        });
      }),
    );
    const recodedFills = await recodeFills(db);
    return {
      release: release.release,
      ingredients: counts.IN,
      clinicalDrugs: counts.SCD,
      brands: counts.BN,
      ndcs: ndcs.size,
      recodedFills,
    };
  } finally {
    release.close();
  }
}
