/** How a status message names what is being recapped before any work is done. */
import type { MediaRef } from '../src/domain/media-ref.ts';
import { linkName } from '../src/sources/resolve-transcript.ts';

export function refLabel(ref: MediaRef): string {
  switch (ref.kind) {
    case 'url':
      return linkName(ref.url);
    case 'file':
      return ref.path.split(/[\\/]/).pop() || ref.path;
    case 'upload':
      return ref.name ?? linkName(ref.url);
    case 'provider':
      return `${ref.variant === 'session' || ref.variant === 'breakout' ? ref.variant : ref.provider}:${ref.id}`;
  }
}
