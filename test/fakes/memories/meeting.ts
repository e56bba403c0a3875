/**
 * What the Memories.ai fake says about every video: a short stand-up meeting, as speech segments, as a description
 * of the screen, and as CHAPTER and TOPIC summaries. Shapes follow the seed's examples exactly: times are seconds in
 * strings (some with decimals), segments carry `index`, summary items carry only a `start`.
 */

/** One segment as Memories.ai writes it. */
export interface FakeSegment {
  index: number;
  content: string;
  startTime: string;
  endTime: string;
}

const LINES: [string, string, string][] = [
  ['0', '4.5', " Good morning, everyone, let's start the stand-up."],
  ['4.5', '9', ' Yesterday I finished the billing export and sent it for review.'],
  ['9', '14.25', ' The checkout bug is fixed, but the payment retries still fail on staging.'],
  ['14.25', '20', ' I will pair with Dana on the retries after this call.'],
  ['20', '26', " Next, the release plan: we ship version two on Friday."],
  ['26', '31.5', ' Marketing needs the release notes by Thursday noon.'],
  ['31.5', '37', ' QA will run the full regression suite on Wednesday night.'],
  ['37', '41.5', ' Any risks we should know about before Friday?'],
  ['41.5', '47', ' The database migration takes about forty minutes, so we start early.'],
  ['47', '52', " Great, thanks everyone, that's it for today."],
];

/** The speech, as `get_audio_transcription` returns it. A fresh copy on every call. */
export function meetingSpeech(): FakeSegment[] {
  return LINES.map(([startTime, endTime, content], index) => ({ index, content, startTime, endTime }));
}

/** Where the meeting ends, in seconds. */
export const MEETING_END_SECONDS = 52;

/** What is on screen, as `get_video_transcription` returns it. */
export function meetingScreen(): FakeSegment[] {
  return [
    { index: 0, content: 'A video call grid with five participants; a shared screen shows a sprint board.', startTime: '0', endTime: '20' },
    { index: 1, content: 'The shared screen switches to a release calendar with Friday highlighted.', startTime: '20', endTime: '41' },
    { index: 2, content: 'A terminal window shows a database migration plan; participants wave goodbye.', startTime: '41', endTime: '52' },
  ];
}

/** `generate_summary?type=CHAPTER`. */
export function chapterSummary() {
  return {
    summary: 'A short stand-up: the billing export is done, payment retries still fail on staging, and version two ships on Friday after a Wednesday regression run.',
    items: [
      { description: 'Updates on the billing export and the checkout bug; payment retries still fail on staging.', title: 'Team updates', start: '0' },
      { description: 'Version two ships on Friday; release notes are due Thursday and QA runs regression on Wednesday.', title: 'Release plan', start: '20' },
      { description: 'The forty-minute database migration means starting early on Friday.', title: 'Risks', start: '41.5' },
    ],
  };
}

/** `generate_summary?type=TOPIC`. */
export function topicSummary() {
  return {
    summary: 'Two topics: engineering progress and the Friday release.',
    items: [
      { description: 'Billing export, checkout bug, payment retries.', title: 'Engineering progress', start: '0' },
      { description: 'Release date, notes, regression testing and the migration.', title: 'Friday release', start: '20' },
    ],
  };
}

/** The public video every fake knows, with the seed's own example lines. */
export const PUBLIC_VIDEO_NO = 'PI-594031499251159058';

export function publicSpeech(): FakeSegment[] {
  return [
    { index: 0, content: "I just got back from my friend's vintage liquidation sale.", startTime: '0', endTime: '3' },
    { index: 1, content: 'Somehow I came back with two bags full of stuff.', startTime: '3', endTime: '7' },
    { index: 2, content: 'Fully intended just to browse.', startTime: '7', endTime: '9' },
  ];
}

export function publicScreen(): FakeSegment[] {
  return [{ index: 0, content: 'A person holds up two shopping bags in a bright living room.', startTime: '0', endTime: '9' }];
}
