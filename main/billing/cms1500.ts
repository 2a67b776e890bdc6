// The 1500 Health Insurance Claim Form (version 02/12) as a black-and-white PDF, one page per
// claim, each box under its NUCC item number, for payers that accept paper. (Payers that scan the
// red OCR form need that form printed on; this is the same content.)
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BillingProvider, Payer } from '../../preload/schemas/billing';
import { formatPhone } from '../../preload/schemas/identifiers';
import { INK } from '../documents/pdf-parts';
import type { ClaimFor837 } from './x12-837p';

const LETTERS = 'ABCDEFGHIJKL';
const mdy = (iso: string) => `${iso.slice(5, 7)} ${iso.slice(8, 10)} ${iso.slice(0, 4)}`;
const money = (cents: number) => (cents / 100).toFixed(2);
const box = (item: string, label: string, value: Content = '', span = 1): TableCell => ({
  colSpan: span,
  stack: [
    { text: `${item}. ${label}`, fontSize: 6.5, color: '#333333' },
    typeof value === 'string' ? { text: value || ' ', fontSize: 10, bold: true } : value,
  ],
});
const row = (...cells: TableCell[]): TableCell[] =>
  cells.flatMap((c) => [
    c,
    ...Array.from({ length: ((c as { colSpan?: number }).colSpan ?? 1) - 1 }, () => ({}) as TableCell),
  ]);
const grid = (rows: TableCell[][]): Content => ({
  table: { widths: Array(6).fill('*'), body: rows },
  layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
  margin: [0, 0, 0, 0],
});

/** Each box's data, as both CMS-1500 renderers print it (the black-and-white form and the red-form overlay). */
export interface Cms1500Fields {
  /** Item 1: which program box is ticked. */
  program: 'medicaid' | 'other';
  payerName: string;
  insuredId: string;
  patientName: string;
  birthDate: string;
  sex: '' | 'F' | 'M';
  street: string;
  city: string;
  state: string;
  zip: string;
  /** Item 21, A–L in order, ICD indicator 0 (ICD-10-CM). */
  diagnoses: string[];
  icdIndicator: '0';
  /** Item 22: resubmission code 7 (replacement) or 8 (void) and the payer's original claim number; empty for an original. */
  resubmission: { code: '7' | '8'; originalRef: string } | null;
  lines: {
    from: string;
    to: string;
    placeOfService: string;
    code: string;
    modifier: string;
    pointers: string;
    chargeCents: number;
    units: string;
    renderingNpi: string;
  }[];
  ein: string;
  accountNumber: string;
  totalCents: number;
  /** Item 31: the signer's name and credentials, then the date. */
  signer: string;
  signedOn: string;
  /** Items 32 and 33: name, street, city state ZIP+4. */
  facility: string[];
  billingPhone: string;
  billingNpi: string;
  taxonomy: string;
}

/** The credentials from a user's full name written "Dana Whitfield, PharmD" (nothing when none is written). */
const credentialsOf = (fullName: string | null | undefined) => {
  const comma = fullName?.lastIndexOf(',') ?? -1;
  return comma < 0
    ? ''
    : fullName!
        .slice(comma + 1)
        .replace(/[^A-Za-z, ]/g, '')
        .replace(/[ ,]+/g, ' ')
        .trim();
};

export function cms1500Fields(c: ClaimFor837, provider: BillingProvider, payer: Payer): Cms1500Fields {
  const p = c.patient;
  const credentials = credentialsOf(c.renderingFullName);
  return {
    program: payer.kind === 'medicaid' ? 'medicaid' : 'other',
    payerName: payer.name.toUpperCase(),
    insuredId: p.memberId,
    patientName: `${p.lastName}, ${p.firstName}${p.middleName ? `, ${p.middleName[0]}` : ''}`.toUpperCase(),
    birthDate: mdy(p.dateOfBirth),
    sex: p.sex === 'female' ? 'F' : p.sex === 'male' ? 'M' : '',
    street: p.address.line1.toUpperCase(),
    city: p.address.city.toUpperCase(),
    state: p.address.state.toUpperCase(),
    zip: p.address.zip,
    diagnoses: c.claim.diagnoses,
    icdIndicator: '0',
    resubmission:
      c.claim.frequency === '1' ? null : { code: c.claim.frequency, originalRef: c.replaces?.payerClaimNumber ?? '' },
    lines: c.claim.lines.map((l) => ({
      from: mdy(c.claim.serviceDate),
      to: mdy(c.claim.serviceDate),
      placeOfService: c.claim.placeOfService,
      code: l.code,
      // 24D: the procedure's modifier when the claim carries one (a remote review, by the payer's setting).
      modifier: c.claim.modifier ?? '',
      pointers: l.pointers.map((n) => LETTERS[n - 1]).join(''),
      chargeCents: l.chargeCents,
      units: String(l.units),
      renderingNpi: c.rendering.npi,
    })),
    ein: `${provider.taxId.slice(0, 2)}-${provider.taxId.slice(2)}`,
    accountNumber: c.claim.claimNumber,
    totalCents: c.claim.totalCents,
    signer: `${c.rendering.firstName} ${c.rendering.lastName}${credentials ? ` ${credentials}` : ''}`.toUpperCase(),
    signedOn: mdy(c.claim.serviceDate),
    facility: [
      provider.legalName,
      provider.address.line1,
      `${provider.address.city}, ${provider.address.state} ${provider.address.zip.slice(0, 5)}-${provider.address.zip.slice(5)}`,
    ].map((v) => v.toUpperCase()),
    billingPhone: formatPhone(provider.phone),
    billingNpi: provider.npi,
    taxonomy: provider.taxonomy,
  };
}

function claimPage(c: ClaimFor837, provider: BillingProvider, payer: Payer): Content[] {
  const f = cms1500Fields(c, provider, payer);
  const lines: TableCell[][] = f.lines.map((l) => [
    { text: `${l.from} – ${l.to}`, fontSize: 9 },
    { text: l.placeOfService, fontSize: 9 },
    { text: l.modifier ? `${l.code}  ${l.modifier}` : l.code, fontSize: 9, bold: true },
    { text: l.pointers, fontSize: 9 },
    { text: money(l.chargeCents), fontSize: 9, alignment: 'right' },
    { text: l.units, fontSize: 9, alignment: 'right' },
    { text: `NPI ${l.renderingNpi}`, fontSize: 9 },
  ]);
  const facility = f.facility.join('\n');
  return [
    {
      columns: [
        {
          stack: [
            { text: 'HEALTH INSURANCE CLAIM FORM', fontSize: 14, bold: true },
            { text: 'APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12', fontSize: 7 },
          ],
        },
        { text: f.payerName, alignment: 'right', fontSize: 10, bold: true },
      ],
      margin: [0, 0, 0, 6],
    },
    grid([
      row(
        box(
          '1',
          'MEDICARE / MEDICAID / TRICARE / CHAMPVA / GROUP HEALTH PLAN / FECA / OTHER',
          f.program.toUpperCase(),
          3,
        ),
        box('1a', "INSURED'S I.D. NUMBER", f.insuredId, 3),
      ),
      row(
        box('2', "PATIENT'S NAME (Last, First, Middle Initial)", f.patientName, 2),
        box('3', "PATIENT'S BIRTH DATE, SEX", `${f.birthDate}   ${f.sex}`),
        box('4', "INSURED'S NAME", 'SAME', 3),
      ),
      row(
        box('5', "PATIENT'S ADDRESS", `${f.street}\n${f.city}, ${f.state} ${f.zip}`, 2),
        box('6', 'PATIENT RELATIONSHIP TO INSURED', 'SELF'),
        box('7', "INSURED'S ADDRESS", 'SAME', 3),
      ),
      row(
        box('10', "IS PATIENT'S CONDITION RELATED TO: EMPLOYMENT / AUTO ACCIDENT / OTHER ACCIDENT", 'NO / NO / NO', 3),
        box('11c', 'INSURANCE PLAN NAME OR PROGRAM NAME', f.payerName, 3),
      ),
      row(
        box('12', "PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE", 'SIGNATURE ON FILE', 3),
        box('13', "INSURED'S OR AUTHORIZED PERSON'S SIGNATURE", 'SIGNATURE ON FILE', 3),
      ),
      row(
        box(
          '21',
          `DIAGNOSIS OR NATURE OF ILLNESS OR INJURY (ICD Ind. ${f.icdIndicator})`,
          {
            columns: f.diagnoses.map((d, i) => ({ text: `${LETTERS[i]}. ${d}`, fontSize: 10, bold: true })),
            columnGap: 6,
          },
          4,
        ),
        box(
          '22',
          'RESUBMISSION CODE / ORIGINAL REF. NO.',
          f.resubmission ? `${f.resubmission.code}   ${f.resubmission.originalRef}` : '',
          2,
        ),
      ),
    ]),
    {
      table: {
        headerRows: 1,
        widths: [110, 32, 60, 40, 60, 40, '*'],
        body: [
          [
            '24A. DATE(S) OF SERVICE From – To',
            '24B. PLACE OF SERVICE',
            '24D. CPT/HCPCS MODIFIER',
            '24E. DIAGNOSIS POINTER',
            '24F. $ CHARGES',
            '24G. DAYS OR UNITS',
            '24J. RENDERING PROVIDER ID. #',
          ].map((h) => ({ text: h, fontSize: 6.5, color: '#333333' })),
          ...lines,
          ...Array.from({ length: Math.max(0, 6 - lines.length) }, () =>
            Array.from({ length: 7 }, () => ({ text: ' ', fontSize: 9 })),
          ),
        ],
      },
      layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
    },
    grid([
      row(
        box('25', 'FEDERAL TAX I.D. NUMBER (EIN)', f.ein, 2),
        box('26', "PATIENT'S ACCOUNT NO.", f.accountNumber, 2),
        box('27', 'ACCEPT ASSIGNMENT?', 'YES'),
        box('28', 'TOTAL CHARGE', `$ ${money(f.totalCents)}`),
      ),
      row(
        box(
          '31',
          'SIGNATURE OF PHYSICIAN OR SUPPLIER INCLUDING DEGREES OR CREDENTIALS',
          `${f.signer}\n${f.signedOn}`,
          2,
        ),
        box('32', 'SERVICE FACILITY LOCATION INFORMATION', facility, 2),
        box('33', `BILLING PROVIDER INFO & PH # ${f.billingPhone}`, facility, 2),
      ),
      row(
        box('32a', 'NPI', f.billingNpi, 2),
        box('33a', 'NPI', f.billingNpi, 2),
        box('33b', 'TAXONOMY (ZZ)', `ZZ${f.taxonomy}`, 2),
      ),
    ]),
  ];
}

export function cms1500Document(claims: ClaimFor837[], provider: BillingProvider, payer: Payer): TDocumentDefinitions {
  return {
    pageSize: 'LETTER',
    pageMargins: [30, 30, 30, 36],
    info: { title: `CMS-1500 claims — ${payer.name}`, subject: '1500 Health Insurance Claim Form (02/12)' },
    defaultStyle: { font: 'Roboto', fontSize: 9, color: INK, lineHeight: 1.1 },
    footer: (page, pages) => ({
      text: `NUCC Instruction Manual available at: www.nucc.org · Page ${page} of ${pages}`,
      fontSize: 7,
      alignment: 'center',
      margin: [0, 12, 0, 0],
    }),
    content: claims.flatMap((c, i) => [
      { stack: claimPage(c, provider, payer), ...(i > 0 ? { pageBreak: 'before' as const } : {}) },
    ]),
  };
}
