// A small FDA NDC Directory in FDA's text layout (ndctext.zip: product.txt and package.txt, tab-separated,
// a header row of FDA's column names in FDA's order). The products are real listings as the directory
// shows them (names, forms, strengths, labelers, package codes); PRODUCTID's SPL document part is shortened.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeZip } from '../helpers/zip-file';
import { tempDir } from '../helpers/temp-pharmacy';

export const PRODUCT_HEADER = [
  'PRODUCTID',
  'PRODUCTNDC',
  'PRODUCTTYPENAME',
  'PROPRIETARYNAME',
  'PROPRIETARYNAMESUFFIX',
  'NONPROPRIETARYNAME',
  'DOSAGEFORMNAME',
  'ROUTENAME',
  'STARTMARKETINGDATE',
  'ENDMARKETINGDATE',
  'MARKETINGCATEGORYNAME',
  'APPLICATIONNUMBER',
  'LABELERNAME',
  'SUBSTANCENAME',
  'ACTIVE_NUMERATOR_STRENGTH',
  'ACTIVE_INGRED_UNIT',
  'PHARM_CLASSES',
  'DEASCHEDULE',
  'NDC_EXCLUDE_FLAG',
  'LISTING_RECORD_CERTIFIED_THROUGH',
];
export const PACKAGE_HEADER = [
  'PRODUCTID',
  'PRODUCTNDC',
  'NDCPACKAGECODE',
  'PACKAGEDESCRIPTION',
  'STARTMARKETINGDATE',
  'ENDMARKETINGDATE',
  'NDC_EXCLUDE_FLAG',
  'SAMPLE_PACKAGE',
];

type Product = Record<(typeof PRODUCT_HEADER)[number], string>;

const product = (p: Partial<Product> & Pick<Product, 'PRODUCTID' | 'PRODUCTNDC'>): string[] =>
  PRODUCT_HEADER.map((h) => (p as Record<string, string>)[h] ?? '');

export const PRODUCTS: string[][] = [
  product({
    PRODUCTID: '0002-3227_7a2b8e1c',
    PRODUCTNDC: '0002-3227',
    PRODUCTTYPENAME: 'HUMAN PRESCRIPTION DRUG',
    PROPRIETARYNAME: 'Strattera',
    NONPROPRIETARYNAME: 'atomoxetine hydrochloride',
    DOSAGEFORMNAME: 'CAPSULE',
    ROUTENAME: 'ORAL',
    STARTMARKETINGDATE: '20021126',
    MARKETINGCATEGORYNAME: 'NDA',
    APPLICATIONNUMBER: 'NDA021411',
    LABELERNAME: 'Eli Lilly and Company',
    SUBSTANCENAME: 'ATOMOXETINE HYDROCHLORIDE',
    ACTIVE_NUMERATOR_STRENGTH: '10',
    ACTIVE_INGRED_UNIT: 'mg/1',
    PHARM_CLASSES: 'Norepinephrine Reuptake Inhibitor [EPC], Norepinephrine Uptake Inhibitors [MoA]',
    NDC_EXCLUDE_FLAG: 'N',
    LISTING_RECORD_CERTIFIED_THROUGH: '20261231',
  }),
  product({
    PRODUCTID: '0006-0575_3c1f9d20',
    PRODUCTNDC: '0006-0575',
    PRODUCTTYPENAME: 'HUMAN PRESCRIPTION DRUG',
    PROPRIETARYNAME: 'Janumet',
    NONPROPRIETARYNAME: 'sitagliptin and metformin hydrochloride',
    DOSAGEFORMNAME: 'TABLET, FILM COATED',
    ROUTENAME: 'ORAL',
    STARTMARKETINGDATE: '20070330',
    MARKETINGCATEGORYNAME: 'NDA',
    APPLICATIONNUMBER: 'NDA022044',
    LABELERNAME: 'Merck Sharp & Dohme LLC',
    SUBSTANCENAME: 'SITAGLIPTIN PHOSPHATE; METFORMIN HYDROCHLORIDE',
    ACTIVE_NUMERATOR_STRENGTH: '50; 500',
    ACTIVE_INGRED_UNIT: 'mg/1; mg/1',
    NDC_EXCLUDE_FLAG: 'N',
    LISTING_RECORD_CERTIFIED_THROUGH: '20261231',
  }),
  product({
    PRODUCTID: '0071-0155_5e4d3a11',
    PRODUCTNDC: '0071-0155',
    PRODUCTTYPENAME: 'HUMAN PRESCRIPTION DRUG',
    PROPRIETARYNAME: 'Lipitor',
    NONPROPRIETARYNAME: 'atorvastatin calcium',
    DOSAGEFORMNAME: 'TABLET, FILM COATED',
    ROUTENAME: 'ORAL',
    STARTMARKETINGDATE: '19970117',
    MARKETINGCATEGORYNAME: 'NDA',
    APPLICATIONNUMBER: 'NDA020702',
    LABELERNAME: 'Parke-Davis Div of Pfizer Inc',
    SUBSTANCENAME: 'ATORVASTATIN CALCIUM TRIHYDRATE',
    ACTIVE_NUMERATOR_STRENGTH: '10',
    ACTIVE_INGRED_UNIT: 'mg/1',
    NDC_EXCLUDE_FLAG: 'N',
    LISTING_RECORD_CERTIFIED_THROUGH: '20261231',
  }),
  product({
    PRODUCTID: '57844-110_0b9e6f42',
    PRODUCTNDC: '57844-110',
    PRODUCTTYPENAME: 'HUMAN PRESCRIPTION DRUG',
    PROPRIETARYNAME: 'Adderall',
    NONPROPRIETARYNAME:
      'dextroamphetamine saccharate, amphetamine aspartate, dextroamphetamine sulfate and amphetamine sulfate',
    DOSAGEFORMNAME: 'TABLET',
    ROUTENAME: 'ORAL',
    STARTMARKETINGDATE: '19960211',
    MARKETINGCATEGORYNAME: 'NDA',
    APPLICATIONNUMBER: 'NDA011522',
    LABELERNAME: 'Teva Select Brands',
    SUBSTANCENAME:
      'DEXTROAMPHETAMINE SACCHARATE; AMPHETAMINE ASPARTATE MONOHYDRATE; DEXTROAMPHETAMINE SULFATE; AMPHETAMINE SULFATE',
    ACTIVE_NUMERATOR_STRENGTH: '2.5; 2.5; 2.5; 2.5',
    ACTIVE_INGRED_UNIT: 'mg/1; mg/1; mg/1; mg/1',
    DEASCHEDULE: 'CII',
    NDC_EXCLUDE_FLAG: 'N',
    LISTING_RECORD_CERTIFIED_THROUGH: '20261231',
  }),
  // A listing FDA has moved to its "excluded" files (E: expired), with an end of marketing.
  product({
    PRODUCTID: '65862-008_9d0c2b77',
    PRODUCTNDC: '65862-008',
    PRODUCTTYPENAME: 'HUMAN PRESCRIPTION DRUG',
    PROPRIETARYNAME: 'Metformin Hydrochloride',
    NONPROPRIETARYNAME: 'metformin hydrochloride',
    DOSAGEFORMNAME: 'TABLET, FILM COATED',
    ROUTENAME: 'ORAL',
    STARTMARKETINGDATE: '20080108',
    ENDMARKETINGDATE: '20250630',
    MARKETINGCATEGORYNAME: 'ANDA',
    APPLICATIONNUMBER: 'ANDA078321',
    LABELERNAME: 'Aurobindo Pharma Limited',
    SUBSTANCENAME: 'METFORMIN HYDROCHLORIDE',
    ACTIVE_NUMERATOR_STRENGTH: '500',
    ACTIVE_INGRED_UNIT: 'mg/1',
    NDC_EXCLUDE_FLAG: 'E',
  }),
];

export const PACKAGES: string[][] = [
  [
    '0002-3227_7a2b8e1c',
    '0002-3227',
    '0002-3227-30',
    '30 CAPSULE in 1 BOTTLE (0002-3227-30)',
    '20021126',
    '',
    'N',
    'N',
  ],
  [
    '0006-0575_3c1f9d20',
    '0006-0575',
    '0006-0575-61',
    '60 TABLET, FILM COATED in 1 BOTTLE (0006-0575-61)',
    '20070330',
    '',
    'N',
    'N',
  ],
  [
    '0071-0155_5e4d3a11',
    '0071-0155',
    '0071-0155-23',
    '90 TABLET, FILM COATED in 1 BOTTLE (0071-0155-23)',
    '19970117',
    '',
    'N',
    'N',
  ],
  [
    '57844-110_0b9e6f42',
    '57844-110',
    '57844-110-01',
    '100 TABLET in 1 BOTTLE (57844-110-01)',
    '19960211',
    '',
    'N',
    'N',
  ],
  [
    '65862-008_9d0c2b77',
    '65862-008',
    '65862-008-01',
    '100 TABLET, FILM COATED in 1 BOTTLE (65862-008-01)',
    '20080108',
    '20250630',
    'E',
    'N',
  ],
];

export const tsv = (header: string[], rows: string[][]) =>
  [header, ...rows].map((r) => r.join('\t')).join('\r\n') + '\r\n';

export interface NdcFixture {
  product?: string;
  package?: string;
}

const texts = (f: NdcFixture) => ({
  'product.txt': f.product ?? tsv(PRODUCT_HEADER, PRODUCTS),
  'package.txt': f.package ?? tsv(PACKAGE_HEADER, PACKAGES),
});

/** The files unpacked in a folder named `name`; undefined text leaves that file out. */
export function ndcFolder(f: NdcFixture = {}, name = 'ndctext', omit?: 'product.txt' | 'package.txt'): string {
  const dir = join(tempDir(), name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(texts(f))) if (file !== omit) writeFileSync(join(dir, file), text);
  return dir;
}

/** The files in a zip as FDA publishes it (no folder inside), dated `date`. */
export const ndcZip = (f: NdcFixture = {}, name = 'ndctext.zip', mtime = new Date(2026, 11, 1, 6, 0)) =>
  writeZip(
    name,
    Object.entries(texts(f)).map(([path, text]) => ({ path, text, mtime })),
  );
