import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { ACCORD_BRAND_COLOUR } from '../../shared/model/brand-colour';

/**
 * Design tokens in one place: the brand palette, type scale and radius.
 * Sizes are a notch larger than a web app's: the first audience is a room
 * looking at a projector.
 */
const accord: MantineColorsTuple = [
  '#eef3fb',
  '#dbe4f3',
  '#b3c6e7',
  '#88a6dc',
  '#648bd2',
  '#4d7acc',
  '#3f70ca',
  ACCORD_BRAND_COLOUR,
  '#2754a0',
  '#17458e',
];

/** The Mantine theme shared by every screen. */
export const theme = createTheme({
  primaryColor: 'accord',
  primaryShade: { light: 7, dark: 7 },
  colors: { accord },
  fontFamily: "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  fontFamilyMonospace: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
  headings: {
    fontFamily: "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    fontWeight: '680',
    sizes: {
      h1: { fontSize: '2.125rem', lineHeight: '1.2' },
      h2: { fontSize: '1.625rem', lineHeight: '1.25' },
      h3: { fontSize: '1.25rem', lineHeight: '1.3' },
    },
  },
  fontSizes: { xs: '0.8125rem', sm: '0.9375rem', md: '1rem', lg: '1.125rem', xl: '1.375rem' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  respectReducedMotion: true,
  components: {
    // A dialog's <header> reads as a second page banner to screen readers; a div does not.
    ModalHeader: { defaultProps: { component: 'div' } },
    ModalCloseButton: { defaultProps: { 'aria-label': 'Close the dialog' } },
    DrawerHeader: { defaultProps: { component: 'div' } },
    DrawerCloseButton: { defaultProps: { 'aria-label': 'Close the panel' } },
    FileInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Remove the chosen file' } } },
  },
});

/**
 * Mantine's "light" yellow, orange, teal and green text (shade 9 on a pale tint) reads at
 * under 3:1; on a projector that is unreadable. Darker text in the light scheme.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': '#6b6f76', '--mantine-color-yellow-light-color': '#6b4500', '--mantine-color-orange-light-color': '#8a3c00', '--mantine-color-teal-light-color': '#06624a', '--mantine-color-green-light-color': '#1e6b2a' },
  // Placeholders (Mantine renders some as text, e.g. FileInput) must be readable too.
  dark: { '--mantine-color-placeholder': '#a3a4a8', '--mantine-color-anchor': 'var(--mantine-color-accord-3)' },
});
