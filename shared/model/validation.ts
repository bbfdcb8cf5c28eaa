/** The part of a zod error we read (zod and zod/mini errors both have it). */
export interface ValidationError {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** Turns a zod error into one sentence a person can act on, naming the field when there is one. */
export function firstIssueMessage(error: ValidationError): string {
  const issue = error.issues[0];
  if (!issue) return 'The value is not valid.';
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}
