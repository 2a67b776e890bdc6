// ASC X12 837P (005010X222A1) for a clearinghouse: one interchange, one functional group, one
// transaction holding the billing provider and, per claim, subscriber (the patient), payer, claim,
// rendering pharmacist and service lines. Control numbers and segment counts are computed here;
// tests parse every file back with node-x12.
import type { BillingProvider, Claim, Payer, RenderingPharmacist } from '../../preload/schemas/billing';
import { localHourMinute, localIsoDate } from '../../preload/schemas/dates';

export interface ClaimFor837 {
  claim: Claim;
  patient: {
    firstName: string;
    middleName: string | null;
    lastName: string;
    dateOfBirth: string;
    sex: 'female' | 'male' | 'unknown';
    memberId: string;
    address: { line1: string; city: string; state: string; zip: string };
  };
  rendering: RenderingPharmacist;
  /** The rendering pharmacist's user name as written, e.g. "Dana Whitfield, PharmD": CMS-1500 item 31's credentials. */
  renderingFullName?: string | null;
  /**
   * For a correction or void (CLM05-3 7 or 8): the claim it changes, and the payer's number for it once adjudicated.
   */
  replaces: { claimNumber: string; payerClaimNumber: string | null } | null;
}

const SEGMENT = '~';
const ELEMENT = '*';
const COMPONENT = ':';
const REPETITION = '^';

/** Free text in an element: upper case, no delimiters, within the element's length. */
const text = (s: string, max = 60) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[~*:^\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase()
    .slice(0, max);
const amount = (cents: number) => String(Number((cents / 100).toFixed(2)));
const ymd = (iso: string) => iso.replaceAll('-', '');
const pad = (s: string, n: number) => s.padEnd(n, ' ').slice(0, n);

export function build837p(p: {
  provider: BillingProvider;
  payer: Payer;
  claims: ClaimFor837[];
  control: number;
  at: Date;
  production?: boolean;
}): string {
  // The interchange is dated as the pharmacy's clock reads, not UTC's (which is tomorrow after 7 pm Eastern).
  const [ccyymmdd, hhmm] = [ymd(localIsoDate(p.at)), localHourMinute(p.at).replace(':', '')];
  const control = String(p.control).padStart(9, '0');
  const body: string[][] = [];
  const seg = (...elements: string[]) => body.push(elements);

  seg('ST', '837', '0001', '005010X222A1');
  seg('BHT', '0019', '00', control, ccyymmdd, hhmm, 'CH');
  seg('NM1', '41', '2', text(p.provider.legalName), '', '', '', '', '46', p.payer.submitterId);
  seg('PER', 'IC', text(p.provider.legalName), 'TE', p.provider.phone);
  seg('NM1', '40', '2', text(p.payer.receiverName), '', '', '', '', '46', p.payer.receiverId);
  seg('HL', '1', '', '20', '1');
  seg('PRV', 'BI', 'PXC', p.provider.taxonomy);
  seg('NM1', '85', '2', text(p.provider.legalName), '', '', '', '', 'XX', p.provider.npi);
  seg('N3', text(p.provider.address.line1, 55));
  seg('N4', text(p.provider.address.city, 30), p.provider.address.state, p.provider.address.zip);
  seg('REF', 'EI', p.provider.taxId);
  p.claims.forEach((c, i) => {
    const pt = c.patient;
    seg('HL', String(i + 2), '1', '22', '0');
    seg('SBR', 'P', '18', '', '', '', '', '', '', p.payer.claimFilingCode);
    seg(
      'NM1',
      'IL',
      '1',
      text(pt.lastName),
      text(pt.firstName, 35),
      text(pt.middleName ?? '', 25),
      '',
      '',
      'MI',
      text(pt.memberId, 80).replace(/ /g, ''),
    );
    seg('N3', text(pt.address.line1, 55));
    seg('N4', text(pt.address.city, 30), pt.address.state, pt.address.zip.replace('-', ''));
    seg('DMG', 'D8', ymd(pt.dateOfBirth), pt.sex === 'female' ? 'F' : pt.sex === 'male' ? 'M' : 'U');
    seg('NM1', 'PR', '2', text(p.payer.name), '', '', '', '', 'PI', p.payer.payerId);
    seg(
      'CLM',
      c.claim.claimNumber,
      amount(c.claim.totalCents),
      '',
      '',
      [c.claim.placeOfService, 'B', c.claim.frequency].join(COMPONENT),
      'Y',
      'A',
      'Y',
      'Y',
    );
    // Only the payer's own number: sent when the claim replaced or voided was adjudicated (see resources/billing).
    if (c.replaces?.payerClaimNumber) seg('REF', 'F8', c.replaces.payerClaimNumber);
    seg('HI', ...c.claim.diagnoses.map((d, k) => `${k === 0 ? 'ABK' : 'ABF'}${COMPONENT}${d.replace('.', '')}`));
    seg(
      'NM1',
      '82',
      '1',
      text(c.rendering.lastName),
      text(c.rendering.firstName, 35),
      '',
      '',
      '',
      'XX',
      c.rendering.npi,
    );
    seg('PRV', 'PE', 'PXC', c.rendering.taxonomy);
    c.claim.lines.forEach((l, k) => {
      seg('LX', String(k + 1));
      seg(
        'SV1',
        // SV1-01: the procedure and, for a remote review when the payer wants one, its modifier (HC:99605:95).
        ['HC', l.code, ...(c.claim.modifier ? [c.claim.modifier] : [])].join(COMPONENT),
        amount(l.chargeCents),
        'UN',
        String(l.units),
        '',
        '',
        l.pointers.join(COMPONENT),
      );
      seg('DTP', '472', 'D8', ymd(c.claim.serviceDate));
    });
  });
  seg('SE', String(body.length + 1), '0001');

  const line = (elements: string[]) => elements.join(ELEMENT).replace(/\*+$/, '') + SEGMENT;
  const isa = [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    'ZZ',
    pad(p.payer.submitterId, 15),
    'ZZ',
    pad(p.payer.receiverId, 15),
    ccyymmdd.slice(2),
    hhmm,
    REPETITION,
    '00501',
    control,
    '0',
    p.production === false ? 'T' : 'P',
    COMPONENT,
  ];
  return [
    isa.join(ELEMENT) + SEGMENT,
    line(['GS', 'HC', p.payer.submitterId, p.payer.receiverId, ccyymmdd, hhmm, String(p.control), 'X', '005010X222A1']),
    ...body.map(line),
    line(['GE', '1', String(p.control)]),
    line(['IEA', '1', control]),
  ].join('');
}
