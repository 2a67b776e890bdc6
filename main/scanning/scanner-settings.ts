// The pharmacy's scanner settings as the code readers take them.
import type { ScannerSettings } from '../../preload/schemas/settings';
import type { LabelLayout } from './label-code';
import type { ReadScanOptions } from './read-scan';

export const labelLayoutOf = (s: ScannerSettings): LabelLayout => ({
  symbology: s.labelSymbology,
  pattern: s.labelPattern,
});

export const readOptionsOf = (s: ScannerSettings): ReadScanOptions => ({
  labelLayout: labelLayoutOf(s),
  ...(s.groupSeparator ? { groupSeparator: s.groupSeparator } : {}),
});
