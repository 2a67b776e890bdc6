import type { ErrorCode, FieldIssue } from '../../preload/contract';

/** An error meant for the user: its message is shown as is, so it must be plain and specific. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('notFound', `${what} was not found. It may have been removed.`);
