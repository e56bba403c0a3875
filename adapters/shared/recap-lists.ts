/**
 * The list sections of a recap (Chapters, Key phrases, Highlights) as lines, the same on every chat surface; each
 * surface passes its own escaping, bold and time links. Also the fair packing of those lists into a platform's room
 * and the "Full … attached" notice, so Slack and Discord cut and explain the same way.
 */
import type { RecapReply } from '../../src/domain/reply.ts';
import { formatClock } from '../../src/domain/time.ts';
import { highlightsSeconds, span } from './recap-files.ts';

export interface ListPart {
  /** How the notice names it when cut: `chapters`, `key phrases`, `highlights`. */
  name: string;
  heading: string;
  items: string[];
  separator: string;
}

/** How one surface writes list lines. */
export interface ListStyle {
  /** The section heading as the surface shows it (`*Chapters*`, `Chapters`). */
  heading(text: string): string;
  /** User-derived text on one line, escaped, at most `maxChars` (a per-part cap the surface sets). */
  text(text: string, part: 'title' | 'about' | 'phrase' | 'highlight'): string;
  bold(escaped: string): string;
  /** The time label, linked to the media at that moment when the surface can. */
  time(reply: RecapReply, startMs: number, label: string): string;
}

export function recapListParts(reply: RecapReply, style: ListStyle): ListPart[] {
  const { recap } = reply;
  const parts: ListPart[] = [];
  if (recap.chapters) {
    const items = recap.chapters.map((chapter) => {
      const time = chapter.startMs === undefined ? '•' : style.time(reply, chapter.startMs, formatClock(chapter.startMs));
      const about = chapter.summary ? ` — ${style.text(chapter.summary, 'about')}` : '';
      return `${time}  ${style.bold(style.text(chapter.title, 'title'))}${about}`;
    });
    parts.push({ name: 'chapters', heading: style.heading('Chapters'), items: items.length ? items : ['(none found)'], separator: '\n' });
  }
  if (recap.keyPhrases) {
    const items = recap.keyPhrases.map((phrase) => `${style.text(phrase.text, 'phrase')} ×${phrase.count}`);
    parts.push({ name: 'key phrases', heading: style.heading('Key phrases'), items: items.length ? items : ['(none found)'], separator: ' · ' });
  }
  if (recap.highlights) {
    const items = recap.highlights.map((h) => `${style.time(reply, h.startMs, span(h.startMs, h.endMs))}  “${style.text(h.text, 'highlight')}”`);
    parts.push({
      name: 'highlights',
      heading: style.heading(`Highlights (${highlightsSeconds(reply)} s)`),
      items: items.length ? items : ['(none: highlights need a timed transcript)'],
      separator: '\n',
    });
  }
  return parts;
}

/** `Full chapters and transcript attached as files`. */
export function attachedNotice(cut: string[], transcript: boolean, fileCount: number): string {
  const what = transcript ? [...cut, 'transcript'] : cut;
  const listed = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1)}` : (what[0] ?? 'recap');
  return `Full ${listed} attached as ${fileCount > 1 ? 'files' : 'a file'}`;
}

/**
 * Shares a total among needs so that small needs are met in full and the rest split evenly (water filling):
 * chapters cannot starve the key phrases and highlights that follow them.
 */
export function shareOut(needs: number[], total: number): number[] {
  const alloc = needs.map(() => 0);
  let left = Math.max(0, total);
  const order = needs.map((_, i) => i).sort((a, b) => (needs[a] ?? 0) - (needs[b] ?? 0));
  order.forEach((i, k) => {
    const share = Math.floor(left / (order.length - k));
    alloc[i] = Math.min(needs[i] ?? 0, share);
    left -= alloc[i] ?? 0;
  });
  return alloc;
}

/** A platform's room in two dimensions: characters, and its unit (Slack blocks, Discord fields). */
export interface ListRoom {
  chars: number;
  units: number;
}

/** How a platform packs one list into a room, and what a packing used. */
export interface ListPacker<P> {
  pack(part: ListPart, room: ListRoom): P;
  used(packed: P): ListRoom;
  truncated(packed: P): boolean;
}

/** Packs the lists into the room, sharing it fairly, then gives what a list left unused to the ones that were cut. */
export function packListsFairly<P>(parts: ListPart[], room: ListRoom, packer: ListPacker<P>): P[] {
  const unlimited = { chars: Number.POSITIVE_INFINITY, units: Number.POSITIVE_INFINITY };
  const full = parts.map((p) => packer.used(packer.pack(p, unlimited)));
  const chars = shareOut(full.map((p) => p.chars), room.chars);
  const units = shareOut(full.map((p) => p.units), room.units);
  const packed = parts.map((p, i) => packer.pack(p, { chars: chars[i] ?? 0, units: units[i] ?? 0 }));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const current = packed[i];
    if (!part || current === undefined || !packer.truncated(current)) continue;
    const used = packed.reduce((sum, p) => ({ chars: sum.chars + packer.used(p).chars, units: sum.units + packer.used(p).units }), { chars: 0, units: 0 });
    const mine = packer.used(current);
    packed[i] = packer.pack(part, { chars: mine.chars + room.chars - used.chars, units: mine.units + room.units - used.units });
  }
  return packed;
}
