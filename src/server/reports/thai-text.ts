// Thai line breaking for pdfkit: words from Intl.Segmenter, measured with the document's current font (no U+200B).
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

// Shaping Thai through fontkit costs about 1 ms per measurement, so word widths are measured once per font and
// reused (at size 1, scaled): the fonts are fixed assets, so the cache is valid for the life of the process.
const widthCache = new Map<string, number>();
const MAX_CACHED = 200_000;

/** Width of a piece of text in the current font and size, summed from cached word widths. */
function fontKey(doc: Doc): { fontName: string; size: number } {
  return { fontName: (doc as unknown as { _font?: { name?: string } })._font?.name ?? '', size: (doc as unknown as { _fontSize: number })._fontSize };
}

export function measure(doc: Doc, text: string): number {
  const { fontName, size } = fontKey(doc);
  let total = 0;
  for (const { segment } of segmenter.segment(text)) total += segmentWidth(doc, fontName, size, segment) * size;
  return total;
}

function segmentWidth(doc: Doc, fontName: string, size: number, segment: string): number {
  const key = fontName + '\u0000' + segment;
  let w = widthCache.get(key);
  if (w === undefined) {
    w = doc.widthOfString(segment) / size;
    if (widthCache.size > MAX_CACHED) widthCache.clear();
    widthCache.set(key, w);
  }
  return w;
}
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * Splits text into lines no wider than `width` at word boundaries (Thai has no spaces between words, so pdfkit's
 * own breaking would cut words apart). A word wider than the line is split between grapheme clusters, never
 * between a consonant and its marks. Explicit newlines are kept.
 */
export function wrapLines(doc: Doc, text: string, width: number): string[] {
  const out: string[] = [];
  const { fontName, size } = fontKey(doc);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const { segment } of segmenter.segment(paragraph)) {
      const w = segmentWidth(doc, fontName, size, segment) * size;
      if (lineWidth + w <= width) {
        line += segment;
        lineWidth += w;
        continue;
      }
      if (line.trim()) out.push(line.trimEnd());
      line = segment.trimStart();
      lineWidth = measure(doc, line);
      if (lineWidth > width) {
        let part = '';
        for (const { segment: g } of graphemes.segment(line)) {
          if (part && doc.widthOfString(part + g) > width) {
            out.push(part);
            part = '';
          }
          part += g;
        }
        line = part;
        lineWidth = measure(doc, line);
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
