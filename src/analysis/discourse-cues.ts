/**
 * Phrases chairs and presenters use to open a new topic ("okay, so", "next item", "moving on"). A cue alone does
 * not make a chapter (people say "so" all the time); it pulls a nearby lexical boundary onto itself.
 */

const OPENERS: Record<string, RegExp> = {
  en: /^(?:(?:okay|ok|alright|all right|right|so|well|now|good|great|um|uh)[\s,.]+)+(?:so|now|let's|let us|next|then|moving|we|i|the next|first|um|uh)\b/iu,
  es: /^(?:(?:bueno|vale|bien|entonces|pues|ok|okay)[\s,.]+)+(?:ahora|pasamos|vamos|siguiente|el siguiente)\b/iu,
  fr: /^(?:(?:bon|alors|bien|ok|okay|donc)[\s,.]+)+(?:maintenant|passons|on passe|ensuite|le prochain)\b/iu,
  de: /^(?:(?:okay|gut|also|so|jetzt)[\s,.]+)+(?:kommen wir|weiter|nächste|als nächstes|dann)\b/iu,
};

const ANYWHERE: Record<string, RegExp> = {
  en: /\b(?:next (?:item|point|topic|thing|issue|agenda|on the agenda|up)|moving on|move on(?: to)?|let'?s (?:move|go on|turn|switch|talk about|discuss|start|get started|begin|look at)|(?:the )?(?:first|second|third|last|final|other) (?:item|point|topic|issue|thing on)|on the agenda|agenda item|any other business|to sum up|in conclusion|wrap (?:it |this |things )?up|change (?:the )?subject|another (?:topic|thing|item)|next presentation|go on (?:with|to) the)\b/iu,
  es: /\b(?:siguiente (?:punto|tema)|pasamos a|pasemos a|el próximo (?:punto|tema)|otro tema|para terminar|orden del día)\b/iu,
  fr: /\b(?:point suivant|passons à|on passe à|prochain point|autre sujet|ordre du jour|pour conclure)\b/iu,
  de: /\b(?:nächste[nr]? (?:punkt|thema)|kommen wir zu|tagesordnung|anderes thema|zum schluss)\b/iu,
};

/** Cue strength of an utterance that may open a topic: 0 (none), 0.5 (opener like "okay so"), 1 (explicit). */
export function cueStrength(text: string, lang: string): number {
  const head = text.length > 120 ? text.slice(0, 120) : text;
  if (ANYWHERE[lang]?.test(head)) return 1;
  if (OPENERS[lang]?.test(head)) return 0.5;
  return 0;
}
