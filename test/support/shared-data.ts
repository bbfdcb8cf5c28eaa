import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real CRM exports beside the checkout (../shared/data), or ACCORD_SHARED_DATA. */
export const sharedDataDir = process.env.ACCORD_SHARED_DATA ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');

/** Whether the real data is there; tests that need it are skipped (and counted as skipped) when it is not. */
export const hasSharedData = existsSync(resolve(sharedDataDir, 'xeducation', 'Leads.csv'));
