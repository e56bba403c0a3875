/** French stopwords, with the hesitation sounds of spoken French. */
export const FR_FILLERS: readonly string[] = ['euh', 'heu', 'hum', 'bah'];

/** French function words and conversational glue. */
export const FR_STOPWORDS: readonly string[] = [
  'a', 'à', 'ai', 'aie', 'ainsi', 'alors', 'au', 'aucun', 'aussi', 'autre', 'aux', 'avait', 'avant', 'avec', 'avoir',
  'avons', 'bien', 'c', 'ça', 'car', 'ce', 'cela', 'celle', 'celui', 'ces', 'cet', 'cette', 'ceux', 'chaque', 'chez',
  'comme', 'comment', 'd', 'dans', 'de', 'des', 'donc', 'dont', 'du', 'elle', 'elles', 'en', 'encore', 'entre', 'est',
  'et', 'été', 'être', 'eu', 'eux', 'fait', 'faire', 'fois', 'il', 'ils', 'j', 'je', 'jusqu', 'l', 'la', 'là', 'le',
  'les', 'leur', 'leurs', 'lui', 'm', 'ma', 'mais', 'me', 'même', 'mes', 'moi', 'mon', 'n', 'ne', 'ni', 'non', 'nos',
  'notre', 'nous', 'on', 'ont', 'ou', 'où', 'par', 'pas', 'peu', 'peut', 'plus', 'pour', 'pourquoi', 'qu', 'quand',
  'que', 'quel', 'quelle', 'quelque', 'qui', 'quoi', 's', 'sa', 'sans', 'se', 'ses', 'si', 'son', 'sont', 'sous',
  'sur', 'ta', 'te', 'tes', 'toi', 'ton', 'tous', 'tout', 'toute', 'toutes', 'très', 'tu', 'un', 'une', 'vers', 'voilà',
  'vos', 'votre', 'vous', 'y', 'était', 'étaient', 'sommes', 'êtes', 'suis', 'va', 'vais', 'vont', 'peux', 'faut',
  'chose', 'choses', 'euh', 'heu', 'hum', 'ben', 'bah', 'hein', 'bon', 'oui', 'ouais', 'd\'accord', 'merci',
  'bonjour', 'voir', 'dire', 'dit', 'pense', 'crois', 'après', 'ici', 'maintenant', 'puis', 'enfin', 'juste',
];
