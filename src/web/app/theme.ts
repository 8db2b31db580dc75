// Mantine theme: Sarabun (bundled locally) and line heights that leave room for Thai vowel and tone marks.
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A deep government blue close to DGA's identity colour.
const dga: MantineColorsTuple = ['#e8f1ff', '#d3e0fa', '#a6bef0', '#769ae7', '#4e7bdf', '#3568db', '#265ed9', '#184ec1', '#0c45ad', '#003b99'];

const fontFamily = 'Sarabun, "Noto Sans Thai", "Loma", "Tahoma", system-ui, sans-serif';

export const theme = createTheme({
  primaryColor: 'dga',
  primaryShade: { light: 7, dark: 5 },
  colors: { dga },
  fontFamily,
  fontFamilyMonospace: 'ui-monospace, "DejaVu Sans Mono", monospace',
  // Thai stacks marks above and below the line: 1.6 keeps them from touching the next line.
  lineHeights: { xs: '1.5', sm: '1.55', md: '1.6', lg: '1.6', xl: '1.6' },
  headings: {
    fontFamily,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.45' },
      h2: { fontSize: '1.375rem', lineHeight: '1.45' },
      h3: { fontSize: '1.125rem', lineHeight: '1.5' },
      h4: { fontSize: '1rem', lineHeight: '1.5' },
    },
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  respectReducedMotion: true,
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { fw: 500 } },
    // Upper-casing does nothing for Thai and shouts in English; badges keep the text as written.
    Badge: { defaultProps: { tt: 'none', fw: 500 } },
  },
});

/**
 * Contrast (WCAG AA, 4.5:1 for small text): Mantine's dimmed grey is 3.3:1 on white, and the text of "light" badges
 * and alerts (shade 6 on a 10 % tint) is below 4.5:1 for most colours. These darker values pass.
 */
const lightVariantText: Record<string, string> = {
  green: '#1e6b2e',
  teal: '#0b6b5d',
  red: '#b02a2a',
  orange: '#9a4700',
  yellow: '#765400',
  blue: '#1a5ca3',
  gray: '#495057',
  dga: '#0c45ad',
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636b',
    '--mantine-color-placeholder': '#6b727a',
    // Field errors: Mantine's red 6 is 3.6:1 on white; red 9 is 5.1:1.
    '--mantine-color-error': '#c92a2a',
    ...Object.fromEntries(Object.entries(lightVariantText).map(([c, v]) => [`--mantine-color-${c}-light-color`, v])),
  },
  dark: {},
});
