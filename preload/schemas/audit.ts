import { z } from 'zod';
import { optionalIsoDate } from './fields';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  id: number;
  at: string;
  username: string;
  action: string;
  category: string;
  patientId: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  detail: string | null;
}

export interface AuditRow extends AuditEntry {
  /** "LAST, First" of the patient concerned, when there is one. */
  patientName: string | null;
}

export const AUDIT_SORT_COLUMNS = ['at', 'username', 'action', 'category', 'patient', 'outcome', 'detail'] as const;

export const auditFilterSchema = z
  .object({
    from: optionalIsoDate('from date'),
    to: optionalIsoDate('to date'),
    username: z.string().trim().max(64).optional(),
    patient: z.string().trim().max(100).optional(),
    action: z.string().trim().max(64).optional(),
    sort: z.enum(AUDIT_SORT_COLUMNS).default('at'),
    direction: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'The end date is before the start date',
  });

export const auditSearchRequest = z
  .object({
    filter: auditFilterSchema,
    limit: z.number().int().min(1).max(500).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const auditExportRequest = z.object({ filter: auditFilterSchema }).strict();

/** An administrator's word that the integrity alarms shown have been looked into. */
export const acknowledgeAlarmsRequest = z
  .object({
    note: z
      .string()
      .trim()
      .min(10, 'Say in a sentence what was found (at least 10 characters)')
      .max(500, 'Keep the note under 500 characters'),
  })
  .strict();

export interface AuditSearchResult {
  rows: AuditRow[];
  total: number;
  /** Every action name in the trail, for the filter list. */
  actions: string[];
}

export interface AuditExport {
  filename: string;
  csv: string;
  rows: number;
}
