/**
 * What people say around a topic change: chairs and presenters open a new topic with a cue ("okay, so", "next
 * item", "we'll go to Ms. Harder"), and the old one often ends in a run of acknowledgements ("Okay." "Right."
 * "Yeah."). Neither makes a chapter alone (people say "so" all the time); both add to the lexical evidence.
 */

// An utterance that opens with an acknowledgement and then turns to what comes next.
const OPENERS: Record<string, RegExp> = {
  en: /^(?:(?:okay|ok|alright|all right|right|so|well|now|good|great|um|uh)[\s,.]+)+(?:so|now|let's|let us|next|then|moving|we|i|the next|first|um|uh)\b/iu,
  es: /^(?:(?:bueno|vale|bien|entonces|pues|ok|okay)[\s,.]+)+(?:ahora|pasamos|vamos|siguiente|el siguiente)\b/iu,
  fr: /^(?:(?:bon|alors|bien|ok|okay|donc)[\s,.]+)+(?:maintenant|passons|on passe|ensuite|le prochain)\b/iu,
  de: /^(?:(?:okay|gut|also|so|jetzt)[\s,.]+)+(?:kommen wir|weiter|nächste|als nächstes|dann)\b/iu,
  pt: /^(?:(?:bom|bem|então|ok|okay|certo|pronto)[\s,.]+)+(?:agora|vamos|passamos|próximo|o próximo|a seguir)\b/iu,
};

// Explicit agenda moves, wherever they sit in the opening of an utterance. Committee chairs hand the floor on
// ("we'll go to", "the next questions are from"), so those count as moves too.
const ANYWHERE: Record<string, RegExp> = {
  en: new RegExp('\\b(?:' + [
    'next (?:item|point|topic|thing|issue|agenda|on the agenda|up|question|questions|presentation)',
    'moving on', 'move on(?: to)?',
    "let'?s (?:move|go on|turn|switch|talk about|discuss|start|get started|begin|look at)",
    '(?:the )?(?:first|second|third|last|final|other) (?:item|point|topic|issue|thing on)',
    'on the agenda', 'agenda item', 'any other business', 'to sum up', 'in conclusion',
    'wrap (?:it |this |things )?up', 'change (?:the )?subject', 'another (?:topic|thing|item)', 'go on (?:with|to) the',
    "we(?:'ll| will)(?: now)? (?:go|proceed|move|turn) (?:on )?to",
    '(?:some|more|next) questions? (?:now )?(?:are |is )?(?:from|around|on|about)', 'has the floor',
    "(?:i'd|i would) like to (?:move|turn|bring in|ask (?:you )?about)",
    'turn(?:ing)? (?:now )?to (?:the )?(?:next|question|issue|item)',
  ].join('|') + ')\\b', 'iu'),
  es: /\b(?:siguiente (?:punto|tema)|pasamos a|pasemos a|el próximo (?:punto|tema)|otro tema|para terminar|orden del día)\b/iu,
  fr: /\b(?:point suivant|passons à|on passe à|prochain point|autre sujet|ordre du jour|pour conclure)\b/iu,
  de: /\b(?:nächste[nr]? (?:punkt|thema)|kommen wir zu|tagesordnung|anderes thema|zum schluss)\b/iu,
  pt: /(?:^|\s)(?:próximo (?:ponto|tema|assunto)|passamos (?:a|ao|à|para)|vamos passar|outro (?:tema|assunto)|ordem do dia|para terminar|para concluir)(?=\s|[,.!?]|$)/iu,
};

// Utterances that only acknowledge ("Okay.", "Mm-hmm. Yeah.", "Right, thanks."): a run of them closes a topic.
const BACKCHANNEL: Record<string, RegExp> = {
  en: /^(?:(?:okay|ok|'?kay|yeah|yes|yep|right|alright|all right|mm-hmm|mm|mmm|hmm|uh-huh|uh|um|so|good|great|sure|cool|fine|oh|ah|thanks|thank you|mm - hmm|uh - huh)[\s,.!?-]*)+$/iu,
  es: /^(?:(?:vale|bueno|sí|si|ok|okay|claro|bien|gracias|ya|eh|mm)[\s,.!?-]*)+$/iu,
  fr: /^(?:(?:d'accord|oui|ok|okay|bon|bien|merci|voilà|euh|mm|ouais)[\s,.!?-]*)+$/iu,
  de: /^(?:(?:okay|ok|ja|gut|genau|danke|richtig|äh|ähm|mm)[\s,.!?-]*)+$/iu,
  pt: /^(?:(?:ok|okay|sim|certo|bom|bem|obrigad[oa]|tá|pronto|isso|né|hum|ahn)[\s,.!?-]*)+$/iu,
};

/** Cue strength of an utterance that may open a topic: 0 (none), 0.5 (opener like "okay so"), 1 (explicit move). */
export function cueStrength(text: string, lang: string): number {
  const head = text.length > 120 ? text.slice(0, 120) : text;
  if (ANYWHERE[lang]?.test(head)) return 1;
  if (OPENERS[lang]?.test(head)) return 0.5;
  return 0;
}

/** True when the utterance only acknowledges what was said ("Okay.", "Yeah, right."). */
export function isBackchannel(text: string, lang: string): boolean {
  return text.length <= 60 && (BACKCHANNEL[lang]?.test(text.trim()) ?? false);
}
