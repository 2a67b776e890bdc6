import { resolve } from 'node:path';
import { CliError } from './password-input';

export function requireOption(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new CliError(`Missing --${name}.`);
  return v;
}

export const requireDataDir = (values: Record<string, unknown>) => resolve(requireOption(values, 'data'));
