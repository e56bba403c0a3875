/**
 * Turns the `error` field of a failed AssemblyAI transcript into words for the chat. AssemblyAI's messages are
 * written for developers and often quote the media URL (which may carry a signed token), so the raw text is never
 * shown to users: it is matched against the failures AssemblyAI documents and replaced by what happened and what
 * to do. The raw text stays in the operator log.
 *
 * Vendor docs: https://www.assemblyai.com/docs/faq (common transcript errors)
 */

export interface FailureSummary {
  message: string;
  hint: string;
}

interface Rule {
  pattern: RegExp;
  summary: FailureSummary;
}

// Ordered: "Transcoding failed. File does not appear to contain audio" is a not-audio failure, so that rule
// comes before the generic transcoding one.
const RULES: readonly Rule[] = [
  {
    pattern: /download error|unable to download|could not download|cannot access uploaded file/i,
    summary: {
      message: 'AssemblyAI could not download the media.',
      hint: 'Share a public link that opens without signing in, or send the file itself.',
    },
  },
  {
    pattern: /does not appear to contain audio|text\/html|html document/i,
    summary: {
      message: 'The media holds no audio or video AssemblyAI can read (it looks like a web page or a document).',
      hint: 'Share a direct link to the recording file, not to the page that shows it.',
    },
  },
  {
    pattern: /no spoken audio|no speech|too short/i,
    summary: {
      message: 'AssemblyAI found no speech in the media.',
      hint: 'Check that someone talks in the recording, or send a transcript file instead.',
    },
  },
  {
    pattern: /not (?:available|supported)[^.]*language|language[^.]*not (?:available|supported)|unsupported language/i,
    summary: {
      message: 'AssemblyAI cannot analyse this language with the parts Recap asked for.',
      hint: 'Ask again for fewer parts (the transcript alone works in every language), or give the language with --lang.',
    },
  },
  {
    pattern: /transcod|decode|unsupported (?:file|format|codec)|corrupt/i,
    summary: {
      message: 'AssemblyAI could not read the media file (an unsupported or damaged format).',
      hint: 'Convert it to a common format such as MP3, M4A or MP4 and send it again.',
    },
  },
];

const FALLBACK: FailureSummary = {
  message: 'AssemblyAI could not transcribe the media.',
  hint: 'Check that the recording plays, then ask again; if it keeps failing, tell whoever runs Recap.',
};

/** What to tell users about a transcript whose status is `error`. */
export function summariseFailure(error: string | null | undefined): FailureSummary {
  const text = error ?? '';
  return RULES.find((rule) => rule.pattern.test(text))?.summary ?? FALLBACK;
}
