// Thai line breaking for pdfkit: words from Intl.Segmenter, measured with the document's current font (no U+200B).
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * Splits text into lines no wider than `width` at word boundaries (Thai has no spaces between words, so pdfkit's
 * own breaking would cut words apart). A word wider than the line is split between grapheme clusters, never
 * between a consonant and its marks. Explicit newlines are kept.
 */
export function wrapLines(doc: Doc, text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const { segment } of segmenter.segment(paragraph)) {
      const candidate = line + segment;
      if (doc.widthOfString(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line.trim()) out.push(line.trimEnd());
      line = segment.trimStart();
      if (doc.widthOfString(line) > width) {
        let part = '';
        for (const { segment: g } of graphemes.segment(line)) {
          if (part && doc.widthOfString(part + g) > width) {
            out.push(part);
            part = '';
          }
          part += g;
        }
        line = part;
      }
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** Writes wrapped text at (x, y) and returns the y below it. */
export function writeWrapped(doc: Doc, text: string, x: number, y: number, width: number, opts: { lineGap?: number; align?: 'left' | 'right' | 'center' } = {}): number {
  const gap = opts.lineGap ?? 3.5;
  const lineHeight = doc.currentLineHeight(true) + gap;
  for (const line of wrapLines(doc, text, width)) {
    doc.text(line, x, y, { lineBreak: false, width, align: opts.align ?? 'left' });
    y += lineHeight;
  }
  return y;
}
