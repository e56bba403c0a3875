import { describe, expect, it } from 'vitest';
import { toListPage } from '../../../../src/providers/spotme/map.ts';
import { listSchema } from '../../../../src/providers/spotme/schemas.ts';
import { fixtureJson } from './fixtures.ts';

describe('SpotMe listing (assumed shape) → items', () => {
  it('maps ids (text or number), titles, end times and VOD availability, and keeps the cursor', () => {
    expect(toListPage(listSchema.parse(fixtureJson('list-sessions.json')))).toEqual({
      items: [
        { id: 'sess-42', title: 'Opening keynote', endedAtMs: Date.parse('2026-06-04T10:30:00Z'), vodAvailable: true },
        { id: '43', title: 'Roadmap Q&A', endedAtMs: 1_780_569_000_000, vodAvailable: false },
        { id: 'sess-44' },
      ],
      nextCursor: 'eyJvZmZzZXQiOjN9',
    });
  });

  it('has no cursor on the last page', () => {
    expect(toListPage(listSchema.parse({ items: [], next_cursor: null }))).toEqual({ items: [] });
  });
});
