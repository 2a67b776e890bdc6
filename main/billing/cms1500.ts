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

function claimPage(c: ClaimFor837, provider: BillingProvider, payer: Payer): Content[] {
  const p = c.patient;
  const name = `${p.lastName}, ${p.firstName}${p.middleName ? `, ${p.middleName[0]}` : ''}`.toUpperCase();
  const address = `${p.address.line1}\n${p.address.city}, ${p.address.state} ${p.address.zip}`.toUpperCase();
  const sex = p.sex === 'female' ? 'F' : p.sex === 'male' ? 'M' : '';
  const lines: TableCell[][] = c.claim.lines.map((l) => [
    { text: `${mdy(c.claim.serviceDate)} – ${mdy(c.claim.serviceDate)}`, fontSize: 9 },
    { text: c.claim.placeOfService, fontSize: 9 },
    // 24D: the procedure, then its modifier when the claim carries one (a remote review, by the payer's setting).
    { text: c.claim.modifier ? `${l.code}  ${c.claim.modifier}` : l.code, fontSize: 9, bold: true },
    { text: l.pointers.map((n) => LETTERS[n - 1]).join(''), fontSize: 9 },
    { text: money(l.chargeCents), fontSize: 9, alignment: 'right' },
    { text: String(l.units), fontSize: 9, alignment: 'right' },
    { text: `NPI ${c.rendering.npi}`, fontSize: 9 },
  ]);
  return [
    {
      columns: [
        {
          stack: [
            { text: 'HEALTH INSURANCE CLAIM FORM', fontSize: 14, bold: true },
            { text: 'APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12', fontSize: 7 },
          ],
        },
        { text: payer.name.toUpperCase(), alignment: 'right', fontSize: 10, bold: true },
      ],
      margin: [0, 0, 0, 6],
    },
    grid([
      row(
        box(
          '1',
          'MEDICARE / MEDICAID / TRICARE / CHAMPVA / GROUP HEALTH PLAN / FECA / OTHER',
          payer.kind === 'medicaid' ? 'MEDICAID' : 'OTHER',
          3,
        ),
        box('1a', "INSURED'S I.D. NUMBER", p.memberId, 3),
      ),
      row(
        box('2', "PATIENT'S NAME (Last, First, Middle Initial)", name, 2),
        box('3', "PATIENT'S BIRTH DATE, SEX", `${mdy(p.dateOfBirth)}   ${sex}`),
        box('4', "INSURED'S NAME", 'SAME', 3),
      ),
      row(
        box('5', "PATIENT'S ADDRESS", address, 2),
        box('6', 'PATIENT RELATIONSHIP TO INSURED', 'SELF'),
        box('7', "INSURED'S ADDRESS", 'SAME', 3),
      ),
      row(
        box('10', "IS PATIENT'S CONDITION RELATED TO: EMPLOYMENT / AUTO ACCIDENT / OTHER ACCIDENT", 'NO / NO / NO', 3),
        box('11c', 'INSURANCE PLAN NAME OR PROGRAM NAME', payer.name.toUpperCase(), 3),
      ),
      row(
        box('12', "PATIENT'S OR AUTHORIZED PERSON'S SIGNATURE", 'SIGNATURE ON FILE', 3),
        box('13', "INSURED'S OR AUTHORIZED PERSON'S SIGNATURE", 'SIGNATURE ON FILE', 3),
      ),
      row(
        box(
          '21',
          'DIAGNOSIS OR NATURE OF ILLNESS OR INJURY (ICD Ind. 0)',
          {
            columns: c.claim.diagnoses.map((d, i) => ({ text: `${LETTERS[i]}. ${d}`, fontSize: 10, bold: true })),
            columnGap: 6,
          },
          4,
        ),
        box(
          '22',
          'RESUBMISSION CODE / ORIGINAL REF. NO.',
          c.claim.frequency === '1' ? '' : `${c.claim.frequency}   ${c.replaces?.payerClaimNumber ?? ''}`,
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
        box('25', 'FEDERAL TAX I.D. NUMBER (EIN)', `${provider.taxId.slice(0, 2)}-${provider.taxId.slice(2)}`, 2),
        box('26', "PATIENT'S ACCOUNT NO.", c.claim.claimNumber, 2),
        box('27', 'ACCEPT ASSIGNMENT?', 'YES'),
        box('28', 'TOTAL CHARGE', `$ ${money(c.claim.totalCents)}`),
      ),
      row(
        box(
          '31',
          'SIGNATURE OF PHYSICIAN OR SUPPLIER INCLUDING DEGREES OR CREDENTIALS',
          `${c.rendering.firstName} ${c.rendering.lastName}`.toUpperCase() + `\n${mdy(c.claim.serviceDate)}`,
          2,
        ),
        box(
          '32',
          'SERVICE FACILITY LOCATION INFORMATION',
          `${provider.legalName}\n${provider.address.line1}\n${provider.address.city}, ${provider.address.state} ${provider.address.zip.slice(0, 5)}-${provider.address.zip.slice(5)}`.toUpperCase(),
          2,
        ),
        box(
          '33',
          `BILLING PROVIDER INFO & PH # ${formatPhone(provider.phone)}`,
          `${provider.legalName}\n${provider.address.line1}\n${provider.address.city}, ${provider.address.state} ${provider.address.zip.slice(0, 5)}-${provider.address.zip.slice(5)}`.toUpperCase(),
          2,
        ),
      ),
      row(
        box('32a', 'NPI', provider.npi, 2),
        box('33a', 'NPI', provider.npi, 2),
        box('33b', 'TAXONOMY (ZZ)', `ZZ${provider.taxonomy}`, 2),
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
