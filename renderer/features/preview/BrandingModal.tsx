/**
 * Branding moved to the app settings (the header's Settings button); a
 * workshop's ⋯ → Branding… opens the same dialog through this name.
 */
export { SettingsModal as BrandingModal } from '../settings/SettingsModal';
