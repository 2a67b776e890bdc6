import { auditFilterSchema } from '../../preload/schemas/audit';

export const auditRowsFilter = (f: Record<string, unknown>) => auditFilterSchema.parse(f);
