/** The agreement schema version this code writes. A newer one is refused, never half-loaded. */
export const AGREEMENT_SCHEMA_VERSION = 1;
