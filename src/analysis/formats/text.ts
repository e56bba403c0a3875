/** Text clean-up shared by the readers: HTML entities, whitespace, markup tags. */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c',
  rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
  deg: '\u00b0', euro: '\u20ac', pound: '\u00a3', cent: '\u00a2', yen: '\u00a5', times: '\u00d7',
  divide: '\u00f7', middot: '\u00b7', bull: '\u2022', iexcl: '\u00a1', iquest: '\u00bf', shy: '',
  zwj: '\u200d', zwnj: '\u200c', ensp: ' ', emsp: ' ', thinsp: ' ', frac12: '\u00bd', para: '\u00b6',
  sect: '\u00a7', aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ',
  Aacute: 'Á', Eacute: 'É', Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ', uuml: 'ü', ouml: 'ö',
  auml: 'ä', Uuml: 'Ü', Ouml: 'Ö', Auml: 'Ä', szlig: 'ß', ccedil: 'ç', Ccedil: 'Ç', egrave: 'è',
  agrave: 'à', ecirc: 'ê', acirc: 'â', ocirc: 'ô',
};

const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g;

/** Decodes `&amp;`, `&#39;`, `&#x2014;`… Unknown or invalid references stay as they are, like browsers do. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    // Own keys only: `&toString;` or `&constructor;` found Object.prototype's functions and put their source
    // ("function toString() { [native code] }") into the transcript (found by the fuzzer, test/fuzz).
    return Object.hasOwn(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref]! : whole;
  });
}

/** Zero-width characters that make a cue look non-empty without saying anything. */
const INVISIBLE = /[\u200b\u2060\ufeff]/g;

/** Collapses runs of whitespace (newlines and no-break spaces too) to one space and trims. */
export function foldWhitespace(s: string): string {
  const visible = HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, '') : s;
  // Most cue text is already folded: only rebuild the string when there is something to fold.
  return NEEDS_FOLD.test(visible) ? visible.replace(/\s+/g, ' ').trim() : visible.trim();
}

const HAS_INVISIBLE = /[\u200b\u2060\ufeff]/;
const NEEDS_FOLD = /[^\S ]| \s/;

/** True when there is something to read: not only spaces and direction marks. */
export function hasWords(s: string): boolean {
  return /[^\s\u200b-\u200f\u2060\ufeff]/.test(s);
}

/** `{\an8}`, `{\i1}`: SubStation override codes that some SRT files carry. */
const ASS_OVERRIDE = /\{\\[^{}\n]*\}/g;

/** A cue timestamp inside cue text, as in `<00:00:01.000>`. */
const INLINE_TIMESTAMP = /^(?:\d+:)?\d{1,2}:\d{2}[.,]\d+$/;
/** An element tag: `i`, `/c`, `c.yellow`, `lang en`, `font color="#fff"`, `br/`. */
const ELEMENT_TAG = /^\/?[a-zA-Z][a-zA-Z0-9]*(?:[.\s/][^]*)?$/;
/** A voice start tag's content: `v`, `v Name`, `v.loud Name`. */
const VOICE_TAG = /^v(?:\.[^\s]*)?(?:[ \t\f\n]+([^]*))?$/;

/** A run of cue text, or a voice start tag with its (decoded, folded) speaker name. */
export type CueToken = { kind: 'text'; raw: string } | { kind: 'voice'; speaker: string | undefined };

/**
 * Splits cue text into text runs and voice starts, dropping every other tag. Text keeps its entities
 * (decode them after looking for `Name:` speakers, so a writer can escape a colon as `&#58;`).
 * A `<` that does not open a plausible tag stays as text. In SRT, `{\an8}`-style override codes are dropped too.
 */
export function tokenizeCueText(text: string, options: { srt?: boolean } = {}): CueToken[] {
  const source = options.srt === true && text.includes('{\\') ? text.replace(ASS_OVERRIDE, '') : text;
  const tokens: CueToken[] = [];
  if (!source.includes('<')) {
    tokens.push({ kind: 'text', raw: source });
    return tokens;
  }
  let pending = '';
  let inRubyText = 0;
  let last = 0;
  const tag = /<([^<>]*)>/g;
  for (let m = tag.exec(source); m !== null; m = tag.exec(source)) {
    const content = m[1] ?? '';
    const before = source.slice(last, m.index);
    let keep = false;
    const voice = VOICE_TAG.exec(content);
    if (voice) {
      if (inRubyText === 0) pending += before;
      if (pending) tokens.push({ kind: 'text', raw: pending });
      pending = '';
      const name = voice[1] === undefined ? '' : foldWhitespace(decodeEntities(voice[1]));
      tokens.push({ kind: 'voice', speaker: name === '' ? undefined : name });
    } else if (INLINE_TIMESTAMP.test(content) || ELEMENT_TAG.test(content)) {
      if (inRubyText === 0) pending += before;
      const name = /^\/?([a-zA-Z0-9]*)/.exec(content)?.[1]?.toLowerCase();
      if (name === 'br') pending += ' ';
      else if (name === 'rt') inRubyText = content.startsWith('/') ? 0 : 1;
      else if (name === 'ruby' && content.startsWith('/')) inRubyText = 0;
    } else {
      keep = true;
    }
    if (keep) {
      if (inRubyText === 0) pending += before + m[0];
    }
    last = m.index + m[0].length;
  }
  if (inRubyText === 0) pending += source.slice(last);
  if (pending) tokens.push({ kind: 'text', raw: pending });
  return tokens;
}

/** Tag-free text of a cue line, for comparisons. */
export function stripTags(s: string): string {
  return foldWhitespace(decodeEntities(tokenizeCueText(s).map((t) => (t.kind === 'text' ? t.raw : '')).join('')));
}

/** Lower-case words that may sit inside a name: "Ludwig van Beethoven", "María de la Cruz". */
const NAME_PARTICLES = new Set([
  'de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le', 'bin', 'al', 'el', 'y', 'e', 'ter', 'ten', 'zu',
]);

const NAME_CHARS = /^[\p{L}\p{M}\p{N} .'’_\-()&/,@]+$/u;
const UPPER_OR_CASELESS = /^[\p{Lu}\p{Lt}\p{Lo}\p{N}(]/u;
const LETTER_START = /^\p{L}/u;

/** Whether a `Name:` prefix looks like a person or a speaker label rather than the start of a sentence. */
export function looksLikeName(name: string): boolean {
  if (name.length === 0 || name.length > 50) return false;
  if (!LETTER_START.test(name) || !NAME_CHARS.test(name)) return false;
  if (name.includes('//') || /\bwww\./i.test(name)) return false;
  const words = name.split(' ');
  if (words.length > 6) return false;
  if (words.length === 1) return true;
  return words.every((w, i) => UPPER_OR_CASELESS.test(w) || (i > 0 && NAME_PARTICLES.has(w)));
}

export interface ColonSpeaker {
  /** The name, entities decoded, whitespace folded. */
  speaker: string;
  /** The raw line up to and including the colon, to put back if the name is rejected. */
  prefix: string;
  /** The raw text after the colon. */
  rest: string;
}

/**
 * `Alice Smith: hello` → speaker "Alice Smith". Looks only before the first colon; an ASCII colon must be
 * followed by a space (so `10:30`, `https://…` and `3:1` are not speakers), a full-width one (`田中：`) need not.
 * Leading dialogue marks (`- `, `>> `) are dropped with the name.
 */
const COLON = /[:\uff1a]/;
const nameCache = new Map<string, string | null>();

export function splitColonSpeaker(line: string): ColonSpeaker | undefined {
  const i = line.search(COLON);
  if (i > 80) return undefined;
  if (i <= 0) return undefined;
  const colon = line.charCodeAt(i);
  const next = line.charCodeAt(i + 1);
  if (colon === 58 && !Number.isNaN(next) && next !== 32 && next !== 9 && next !== 0xa0) return undefined;
  const raw = line.slice(0, i);
  let name = nameCache.get(raw);
  if (name === undefined) {
    const mark = /^\s*(?:-+|>>|&gt;&gt;)\s*/.exec(raw);
    const candidate = foldWhitespace(decodeEntities(mark ? raw.slice(mark[0].length) : raw));
    name = looksLikeName(candidate) ? candidate : null;
    // Speakers repeat: a small cache saves re-checking the same name on every cue of a long meeting.
    if (nameCache.size >= 2000) nameCache.clear();
    nameCache.set(raw, name);
  }
  if (name === null) return undefined;
  return { speaker: name, prefix: line.slice(0, i + 1), rest: line.slice(i + 1) };
}
