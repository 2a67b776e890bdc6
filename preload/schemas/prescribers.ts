import { z } from 'zod';
import identifiers from '../../resources/reference/identifiers.json';
import { idSchema, versionSchema } from './fields';
import { addressSchema, npiSchema, optionalText, phoneSchema, requiredText, type Address } from './identifiers';

export const CONTACT_METHODS = ['fax', 'phone', 'portal'] as const;

/** DEA number format and check digit, as described in resources/reference/identifiers.json. */
export function isValidDea(dea: string): boolean {
  if (!new RegExp(identifiers.dea.pattern).test(dea)) return false;
  const d = [...dea.slice(2)].map(Number) as [number, number, number, number, number, number, number];
  return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 === d[6];
}

export const prescriberInputSchema = z
  .object({
    npi: npiSchema,
    firstName: requiredText('first name', 80),
    lastName: requiredText('last name', 80),
    credentials: optionalText(40),
    dea: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine(
        (v) => v === undefined || isValidDea(v),
        `A DEA number is 2 letters and 7 digits (e.g. ${identifiers.dea.example}) and its last digit must check: look for a typo`,
      ),
    practice: optionalText(120),
    phone: phoneSchema,
    fax: phoneSchema,
    address: addressSchema.prefault({}),
    preferredContact: z.enum(CONTACT_METHODS, { error: 'Choose fax, phone or portal' }).default('fax'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.preferredContact === 'fax' && !v.fax)
      ctx.addIssue({
        code: 'custom',
        path: ['fax'],
        message: 'Enter the fax number, or choose another way to contact this prescriber',
      });
    if (v.preferredContact === 'phone' && !v.phone)
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Enter the phone number, or choose another way to contact this prescriber',
      });
  });
export type PrescriberData = z.output<typeof prescriberInputSchema>;

export const prescriberCreateRequest = z.object({ prescriber: prescriberInputSchema }).strict();
export const prescriberUpdateRequest = z
  .object({ id: idSchema, version: versionSchema, prescriber: prescriberInputSchema })
  .strict();
export const prescriberIdRequest = z.object({ id: idSchema }).strict();
export const prescriberSearchRequest = z
  .object({
    query: z.string().max(100, 'Search text is too long').default(''),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export interface Prescriber {
  id: string;
  version: number;
  npi: string;
  firstName: string;
  lastName: string;
  credentials: string | null;
  dea: string | null;
  practice: string | null;
  phone: string | null;
  fax: string | null;
  address: { [K in keyof Address]-?: string | null };
  preferredContact: (typeof CONTACT_METHODS)[number];
}
