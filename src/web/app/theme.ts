// Mantine theme: Sarabun (bundled locally) and line heights that leave room for Thai vowel and tone marks.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

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
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { fw: 500 } },
  },
});
