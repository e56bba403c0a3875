/**
 * Tells transcripts (which the local analyzer reads) from audio and video (which need a speech provider),
 * by file extension before fetching and by content type after.
 */
const MEDIA_EXTENSIONS = new Set([
  'mp3', 'mp4', 'm4a', 'm4v', 'wav', 'aac', 'flac', 'ogg', 'oga', 'opus', 'webm', 'mov', 'mkv', 'avi', 'wma', 'wmv', 'amr', 'mpeg', 'mpg', '3gp',
]);

/** The lower-case extension of a path or URL path, without the dot. */
export function extensionOf(pathOrUrl: string): string | undefined {
  let path = pathOrUrl;
  if (/^https?:/i.test(pathOrUrl) && URL.canParse(pathOrUrl)) path = new URL(pathOrUrl).pathname;
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(path);
  return match?.[1]?.toLowerCase();
}

export function isMediaExtension(ext: string | undefined): boolean {
  return ext !== undefined && MEDIA_EXTENSIONS.has(ext);
}

export function isMediaContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^(audio|video)\//i.test(contentType.trim());
}
