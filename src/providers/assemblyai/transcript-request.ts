/**
 * The body of `POST /v2/transcript`, built from the parts a user wants. AssemblyAI bills the audio-intelligence
 * models per hour of audio on top of transcription, so Recap asks for a model only when a wanted part needs it;
 * everything else (highlights, captions) the local analyzer derives from the transcript for free.
 *
 * Vendor docs: https://www.assemblyai.com/docs/api-reference/transcripts/submit
 */
import type { Part } from '../../domain/recap.ts';
import { isEnglish } from './map.ts';

/** How chapters and summaries are asked for: legacy Auto Chapters/Summarization, or Speech Understanding. */
export type SummaryStyle = 'legacy' | 'speech-understanding';

export interface TranscriptOptions {
  /** The parts the user asked for. */
  want: readonly Part[];
  /** A language the user gave (`en`, `es`, `en-US`…); absent means AssemblyAI detects it. */
  languageCode?: string;
  /** Where AssemblyAI POSTs `{transcript_id, status}` when done, and the header it must send back. */
  webhook?: { url: string; authHeader?: { name: string; value: string } };
  /**
   * Default `legacy` (what the vendor pages this was designed from describe). Accounts created after Auto Chapters
   * was deprecated must use `speech-understanding`; both answers map alike.
   */
  summaryStyle?: SummaryStyle;
}

/** What is sent. Only present keys are sent: `false` is never written for a model that is not wanted. */
export interface TranscriptRequestBody {
  audio_url: string;
  speaker_labels: true;
  language_code?: string;
  language_detection?: true;
  auto_highlights?: true;
  auto_chapters?: true;
  summarization?: true;
  summary_model?: 'informative';
  summary_type?: 'bullets';
  speech_understanding?: { request: { summarization: Record<string, never> } };
  webhook_url?: string;
  webhook_auth_header_name?: string;
  webhook_auth_header_value?: string;
}

/** `en-US` → `en_us`: AssemblyAI spells language codes in lower case with underscores. */
export function toAssemblyAiLanguage(code: string): string {
  return code.trim().toLowerCase().replace(/-/g, '_');
}

/** Builds the create body; pure, so the "only what is wanted" rule is unit-tested without a server. */
export function buildTranscriptRequest(audioUrl: string, options: TranscriptOptions): TranscriptRequestBody {
  const want = new Set(options.want);
  const body: TranscriptRequestBody = { audio_url: audioUrl, speaker_labels: true };
  if (options.languageCode) body.language_code = toAssemblyAiLanguage(options.languageCode);
  else body.language_detection = true;

  // Key Phrases is English-only: for a language the user says is not English, the router extracts them locally.
  // With detection the model is asked for anyway, and poll() drops the result if the language is not English.
  if (want.has('phrases') && (!options.languageCode || isEnglish(options.languageCode))) body.auto_highlights = true;

  const chapters = want.has('chapters');
  const summary = want.has('summary');
  if (chapters || summary) {
    if (options.summaryStyle === 'speech-understanding') {
      // One model gives sections (chapters) and, joined, the summary.
      body.speech_understanding = { request: { summarization: {} } };
    } else if (chapters) {
      // AssemblyAI refuses auto_chapters and summarization on one transcript (400). Chapters carry a summary
      // each, so when both parts are wanted the whole-file summary is derived from them (map.ts toSummary).
      body.auto_chapters = true;
    } else {
      // summary_model and summary_type go together or not at all (400 otherwise).
      body.summarization = true;
      body.summary_model = 'informative';
      body.summary_type = 'bullets';
    }
  }

  if (options.webhook) {
    body.webhook_url = options.webhook.url;
    if (options.webhook.authHeader) {
      body.webhook_auth_header_name = options.webhook.authHeader.name;
      body.webhook_auth_header_value = options.webhook.authHeader.value;
    }
  }
  return body;
}
