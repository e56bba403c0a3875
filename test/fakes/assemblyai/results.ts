/**
 * What the fake AssemblyAI answers for a finished transcript, built from the built-in meeting and the create
 * request: only the models that were asked for appear (the rest are `null`, as in real answers), in the legacy
 * shape (`chapters`, `summary`) or the Speech Understanding one (`speech_understanding.response.summarization`).
 */
import { formatCueTime } from '../../../src/domain/time.ts';
import {
  findPhrase,
  MEETING_DURATION_S,
  MEETING_KEY_PHRASES,
  MEETING_SENTENCES,
  MEETING_TEXT,
  MEETING_TOPICS,
  MEETING_WORDS,
  type MeetingWord,
} from './meeting.ts';

export type Json = Record<string, unknown>;

function topicSpan(topic: (typeof MEETING_TOPICS)[number]): { start: number; end: number } {
  return { start: MEETING_SENTENCES[topic.first]!.start, end: MEETING_SENTENCES[topic.last]!.end };
}

/** Legacy Auto Chapters. */
export function meetingChapters(): Json[] {
  return MEETING_TOPICS.map((t) => ({ gist: t.gist, headline: t.headline, summary: t.summary, ...topicSpan(t) }));
}

/** Speech Understanding summarization sections, as the docs show them (under `summary`). */
export function meetingSections(): Json[] {
  return MEETING_TOPICS.map((t) => ({ ...topicSpan(t), text: t.summary, headline: t.gist }));
}

export function meetingHighlights(): Json {
  return {
    status: 'success',
    results: MEETING_KEY_PHRASES.map(([text, rank]) => {
      const { timestamps } = findPhrase(MEETING_WORDS, text);
      return { count: timestamps.length, rank, text, timestamps: timestamps.map(([start, end]) => ({ start, end })) };
    }),
  };
}

/** Legacy Summarization, `informative` + `bullets`. */
export function meetingBulletSummary(): string {
  return MEETING_TOPICS.map((t) => `- ${t.headline}`).join('\n');
}

const withSpeaker = (labels: boolean) => (w: MeetingWord) => ({ ...w, speaker: labels ? w.speaker : null });

/** The fields a completed transcript adds to the create request's echo. */
export function completedFields(request: Json): Json {
  const labels = request.speaker_labels === true;
  const understanding = (request.speech_understanding as { request?: { summarization?: unknown } } | undefined)?.request;
  return {
    status: 'completed',
    language_code: typeof request.language_code === 'string' ? request.language_code : request.language_detection === true ? 'en' : 'en_us',
    language_confidence: request.language_detection === true ? 0.97 : null,
    text: MEETING_TEXT,
    words: MEETING_WORDS.map(withSpeaker(labels)),
    utterances: labels
      ? MEETING_SENTENCES.map((s) => ({ speaker: s.speaker, text: s.text, start: s.start, end: s.end, confidence: 0.93, words: s.words }))
      : null,
    confidence: 0.93,
    audio_duration: MEETING_DURATION_S,
    auto_highlights_result: request.auto_highlights === true ? meetingHighlights() : null,
    chapters: request.auto_chapters === true ? meetingChapters() : null,
    summary: request.summarization === true ? meetingBulletSummary() : null,
    ...(understanding?.summarization !== undefined
      ? {
          speech_understanding: {
            request: understanding,
            response: { summarization: { status: 'success', summary: meetingSections() } },
          },
        }
      : {}),
  };
}

/** `/sentences`, with `speaker` null unless speaker labels were asked for. */
export function sentencesOf(id: string, labels: boolean): Json {
  return {
    id,
    confidence: 0.93,
    audio_duration: MEETING_DURATION_S,
    sentences: MEETING_SENTENCES.map((s) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      confidence: 0.93,
      speaker: labels ? s.speaker : null,
      words: s.words.map(withSpeaker(labels)),
    })),
  };
}

/** `/paragraphs`: one paragraph per topic (the speaker is the first speaker's, as AssemblyAI reports it). */
export function paragraphsOf(id: string, labels: boolean): Json {
  return {
    id,
    confidence: 0.93,
    audio_duration: MEETING_DURATION_S,
    paragraphs: MEETING_TOPICS.map((t) => {
      const sentences = MEETING_SENTENCES.slice(t.first, t.last + 1);
      return {
        text: sentences.map((s) => s.text).join(' '),
        ...topicSpan(t),
        confidence: 0.93,
        speaker: labels ? sentences[0]!.speaker : null,
        words: sentences.flatMap((s) => s.words).map(withSpeaker(labels)),
      };
    }),
  };
}

/** One row of `GET /v2/transcript`. */
export function listRow(object: Json, createdAt: string, origin: string): Json {
  return {
    id: object.id,
    resource_url: `${origin}/v2/transcript/${String(object.id)}`,
    status: object.status,
    created: createdAt,
    completed: object.status === 'completed' ? createdAt : null,
    audio_url: object.audio_url,
    error: object.error ?? null,
  };
}

/** `/word-search`: one match per term, `[start, end]` pairs in ms. */
export function wordSearchOf(id: string, terms: readonly string[]): Json {
  const matches = terms.map((text) => {
    const { timestamps, indexes } = findPhrase(MEETING_WORDS, text);
    return { text, count: timestamps.length, timestamps, indexes };
  });
  return { id, total_count: matches.reduce((sum, m) => sum + m.count, 0), matches };
}

/**
 * SRT or VTT cues: one per sentence, or, with `chars_per_caption`, as many words as fit in that many characters
 * (a word longer than the limit still gets a cue of its own).
 */
export function captionsOf(format: 'srt' | 'vtt', charsPerCaption: number | undefined): string {
  const cues: MeetingWord[][] = [];
  if (charsPerCaption === undefined) {
    for (const s of MEETING_SENTENCES) cues.push(s.words);
  } else {
    let current: MeetingWord[] = [];
    for (const word of MEETING_WORDS) {
      const length = [...current, word].map((w) => w.text).join(' ').length;
      if (current.length > 0 && length > charsPerCaption) {
        cues.push(current);
        current = [];
      }
      current.push(word);
    }
    if (current.length > 0) cues.push(current);
  }
  const separator = format === 'srt' ? ',' : '.';
  const blocks = cues.map((words, i) => {
    const time = `${formatCueTime(words[0]!.start, separator)} --> ${formatCueTime(words[words.length - 1]!.end, separator)}`;
    const text = words.map((w) => w.text).join(' ');
    return format === 'srt' ? `${i + 1}\n${time}\n${text}` : `${time}\n${text}`;
  });
  return format === 'srt' ? `${blocks.join('\n\n')}\n` : `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}
