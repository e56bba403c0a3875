/**
 * SpotMe's endpoint paths. SpotMe documents *that* recordings and transcripts can be generated and downloaded over
 * its API, but not the paths (providers.md, seed 004), so they live here as configurable templates: an operator
 * who learns the real ones overrides them without touching the client. The defaults are the ones providers.md
 * assumes and the fake in `test/fakes/spotme.ts` implements.
 */
import { RecapError } from '../../errors.ts';

/** What Recap can recap on SpotMe: a live session (once its VOD exists) or a video breakout (once it ended). */
export type SpotMeKind = 'session' | 'breakout';

/**
 * Path templates, appended to the base URL (`https://api.spotme.com/api/v2/workspace`). Placeholders:
 * `{workspaceId}`, `{sessionId}`, `{breakoutId}`, `{jobId}`. A template may carry a fixed query string
 * (`?status=ended`); it is sent as query parameters.
 */
export interface SpotMePaths {
  /** POST `{glossaryId?, languageCode?}` → `{job_id, status}`. Triggering again REPLACES the transcript. */
  triggerSession: string;
  triggerBreakout: string;
  /** GET → `{job_id, status, error?}`. */
  job: string;
  /** GET → `{vtt_url, txt_url, mp4_url, expires_at, glossary_id, generated_at}`; 404 while nothing was generated. */
  sessionRecordings: string;
  breakoutRecordings: string;
  /**
   * GET → `{items: [{id, title, ended_at, vod_available}], next_cursor?}`, paged with `cursor`. providers.md
   * documents no listing at all: this shape is our assumption, needed for automatic posts (nothing pushes a
   * "recording ready" event, so Recap has to poll a list of ended sessions and breakouts).
   */
  listSessions: string;
  listBreakouts: string;
}

/** The paths providers.md assumes. */
export const DEFAULT_SPOTME_PATHS: Readonly<SpotMePaths> = Object.freeze({
  triggerSession: '/{workspaceId}/live-sessions/{sessionId}/recordings',
  triggerBreakout: '/{workspaceId}/breakouts/{breakoutId}/recordings',
  job: '/{workspaceId}/jobs/{jobId}',
  sessionRecordings: '/{workspaceId}/live-sessions/{sessionId}/recordings',
  breakoutRecordings: '/{workspaceId}/breakouts/{breakoutId}/recordings',
  listSessions: '/{workspaceId}/live-sessions?status=ended',
  listBreakouts: '/{workspaceId}/breakouts?status=ended',
});

/** The templates for one kind of target. */
export function pathsFor(paths: SpotMePaths, kind: SpotMeKind): { trigger: string; recordings: string; list: string } {
  return kind === 'session'
    ? { trigger: paths.triggerSession, recordings: paths.sessionRecordings, list: paths.listSessions }
    : { trigger: paths.triggerBreakout, recordings: paths.breakoutRecordings, list: paths.listBreakouts };
}

/** The placeholder a kind's id fills. */
export function idPlaceholder(kind: SpotMeKind): 'sessionId' | 'breakoutId' {
  return kind === 'session' ? 'sessionId' : 'breakoutId';
}

/** A filled template: the path and the fixed query parameters it carried. */
export interface ExpandedPath {
  path: string;
  query: Record<string, string>;
}

/**
 * Fills a template. Every value is percent-encoded, and `.`/`..` are refused outright: encoding leaves them as
 * they are, and a URL parser would then resolve them, letting an id typed in chat climb to another endpoint.
 *
 * @throws RecapError `bad_input` for an empty or dot-segment value; `internal` for a placeholder with no value.
 */
export function expandPath(template: string, values: Record<string, string>): ExpandedPath {
  const [rawPath = '', rawQuery = ''] = template.split('?', 2);
  const path = rawPath.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new RecapError('internal', `The SpotMe path template "${template}" names {${name}}, which Recap does not know.`, {
        hint: 'Check the SpotMe path settings against the placeholders listed in paths.ts.',
      });
    }
    if (value === '' || value === '.' || value === '..') {
      throw new RecapError('bad_input', `"${value}" is not a SpotMe id.`, { hint: 'Copy the id from Backstage.' });
    }
    return encodeURIComponent(value);
  });
  return { path, query: Object.fromEntries(new URLSearchParams(rawQuery)) };
}
