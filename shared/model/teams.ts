/** Teams that take part. Kept apart from the schemas so the first screen can use it without zod. */
export const teams = ['marketing', 'inside-sales', 'field-sales', 'revops', 'executive', 'other'] as const;

/** A team that takes part. */
export type Team = (typeof teams)[number];

/** How each team is named to people. */
export const teamLabels: Record<Team, string> = {
  marketing: 'Marketing',
  'inside-sales': 'Inside sales (SDR/BDR)',
  'field-sales': 'Field sales',
  revops: 'RevOps',
  executive: 'Executive sponsor',
  other: 'Other',
};
