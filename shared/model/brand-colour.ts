/**
 * Accord's own brand colour, in one place: the primary shade of the app's
 * theme, and the accent of the app and the presenter window when the
 * consultant has set none. A module of its own, with no schema, so the
 * start-up path (the branding store, the theme) reads it without the
 * branding validators, which load when a branding is checked.
 */
export const ACCORD_BRAND_COLOUR = '#305fb3';
