// Exact ToUnicode maps for pdfkit's embedded fonts, so text copied or extracted from our Thai PDFs equals the source.
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

const SARA_AM = 0x0e33;
const SARA_AA = 0x0e32;
const NIKHAHIT = 0x0e4d;

interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
interface FontkitFont {
  glyphForCodePoint(cp: number): { id: number };
}
/** The parts of pdfkit's EmbeddedFont (js/pdfkit.js) this module relies on; checked at run time before patching. */
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  widths: number[];
  unicode: number[][];
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
}

const slotsOf = new WeakMap<EmbeddedFont, Map<string, number>>();
const idsOf = new WeakMap<FontkitFont, { am: number; aa: number; nikhahit: number }>();

/**
 * The text each glyph stands for. Sarabun's ccmp splits SARA AM (ำ) into NIKHAHIT (or a NIKHAHIT + tone-mark ligature)
 * and the ordinary SARA AA glyph; fontkit gives the first glyph the cluster's code points (ำ) and the second the SARA
 * AA it is in the cmap (า), so extraction read "สำ" as "สำา". The SARA AA half is given ำ and the leading mark keeps
 * only its tone mark: the leading mark has no advance, so an empty mapping adds no gap (and no space) in extraction.
 */
function glyphTexts(font: EmbeddedFont, glyphs: Glyph[]): number[][] {
  let ids = idsOf.get(font.font);
  if (!ids) {
    const f = font.font;
    ids = { am: f.glyphForCodePoint(SARA_AM).id, aa: f.glyphForCodePoint(SARA_AA).id, nikhahit: f.glyphForCodePoint(NIKHAHIT).id };
    idsOf.set(font.font, ids);
  }
  const texts = glyphs.map((g) => g.codePoints);
  for (let i = 0; i + 1 < glyphs.length; i++) {
    const head = glyphs[i]!;
    // fontkit caches a glyph with the code points of its first use, so the ids are checked, not only the code points.
    const decomposed = head.id !== ids.am && (head.id === ids.nikhahit || head.codePoints.includes(SARA_AM));
    if (decomposed && glyphs[i + 1]!.id === ids.aa) {
      texts[i] = head.codePoints.filter((cp) => cp !== SARA_AM && cp !== NIKHAHIT);
      texts[i + 1] = [SARA_AM];
    }
  }
  return texts;
}

const sameText = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * pdfkit's encode with one change: a glyph used for two different texts (SARA AA as า and as the tail of ำ) gets a
 * second slot in the font subset, because a ToUnicode map gives each slot exactly one text.
 */
function encode(this: EmbeddedFont, text: string, features?: unknown): [string[], unknown[]] {
  const { glyphs, positions } = this.layout(text, features);
  const texts = glyphTexts(this, glyphs);
  let slots = slotsOf.get(this);
  if (!slots) slotsOf.set(this, (slots = new Map()));
  const res: string[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    const codePoints = texts[i]!;
    const key = `${glyph.id}:${codePoints.join(',')}`;
    let gid = slots.get(key);
    if (gid === undefined) {
      gid = this.subset.includeGlyph(glyph.id);
      const mapped = this.unicode[gid];
      if (mapped != null && !sameText(mapped, codePoints)) {
        // fontkit's subset writes one copy of the outline per entry, so a repeated id is a valid extra slot.
        this.subset.glyphs.push(glyph.id);
        gid = this.subset.glyphs.length - 1;
      }
      slots.set(key, gid);
    }
    res.push(`0000${gid.toString(16)}`.slice(-4));
    if (this.widths[gid] == null) this.widths[gid] = glyph.advanceWidth * this.scale;
    if (this.unicode[gid] == null) this.unicode[gid] = codePoints;
  }
  return [res, positions];
}

const patched = new WeakSet<object>();

/**
 * Installs the exact encoding on pdfkit's embedded-font class, found through `fontName` registered on `doc` (pdfkit
 * does not export the class). Idempotent; throws if pdfkit's internals no longer look as expected, so an upgrade
 * fails loudly in tests instead of silently writing wrong text.
 */
export function useExactToUnicode(doc: Doc, fontName: string): void {
  doc.font(fontName);
  const font = (doc as unknown as { _font?: Partial<EmbeddedFont> })._font;
  const proto = font ? (Object.getPrototypeOf(font) as Partial<EmbeddedFont>) : null;
  if (!proto || patched.has(proto)) return;
  const ok =
    typeof proto.encode === 'function' &&
    typeof proto.layout === 'function' &&
    Array.isArray(font!.unicode) &&
    Array.isArray(font!.widths) &&
    typeof font!.scale === 'number' &&
    Array.isArray(font!.subset?.glyphs) &&
    typeof font!.subset?.includeGlyph === 'function' &&
    typeof font!.font?.glyphForCodePoint === 'function';
  if (!ok) throw new Error('pdfkit EmbeddedFont internals changed: review src/server/reports/pdf-unicode.ts');
  proto.encode = encode;
  patched.add(proto);
}
