import { BrandingSchema, validateBranding, type Branding, type BrandingInput } from '../../shared/model/branding';
import type { AccordDatabase } from './database';
import { RepositoryError } from './workshop-repository';

/** Keys of the `settings` table (one record per setting). */
export const settingKeys = { branding: 'branding' } as const;

/**
 * Settings of this computer (DB v7 `settings`): the consultant's branding.
 * Validated before every write and on every read; a damaged stored value is
 * ignored (as if unset), never fatal.
 */
export class SettingsRepository {
  constructor(private readonly db: AccordDatabase) {}

  /** The branding, or null when none is set or the stored value is damaged. */
  async getBranding(): Promise<Branding | null> {
    const record = await this.db.settings.get(settingKeys.branding);
    if (!record) return null;
    const parsed = BrandingSchema.safeParse(record.value);
    return parsed.success ? parsed.data : null;
  }

  /** Keeps the branding (null removes it); refuses invalid input with a message, writing nothing. */
  async putBranding(input: BrandingInput | null): Promise<Branding | null> {
    const checked = input === null ? { ok: true as const, branding: null } : validateBranding(input);
    if (!checked.ok) throw new RepositoryError(checked.message);
    if (checked.branding === null) await this.db.settings.delete(settingKeys.branding);
    else await this.db.settings.put({ key: settingKeys.branding, value: checked.branding });
    return checked.branding;
  }
}
