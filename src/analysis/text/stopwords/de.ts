/** German stopwords, with the hesitation sounds of spoken German. */
export const DE_FILLERS: readonly string[] = ['äh', 'ähm', 'öh', 'öhm', 'hm', 'hmm'];

/** German function words and conversational glue. */
export const DE_STOPWORDS: readonly string[] = [
  'aber', 'alle', 'allem', 'allen', 'aller', 'alles', 'als', 'also', 'am', 'an', 'ander', 'andere', 'anderen', 'auch',
  'auf', 'aus', 'bei', 'bin', 'bis', 'bist', 'da', 'dabei', 'dadurch', 'dafür', 'dagegen', 'damit', 'dann', 'darauf',
  'darum', 'das', 'dass', 'daß', 'dein', 'deine', 'dem', 'den', 'denn', 'der', 'des', 'dessen', 'deshalb', 'die',
  'dies', 'diese', 'diesem', 'diesen', 'dieser', 'dieses', 'doch', 'dort', 'du', 'durch', 'ein', 'eine', 'einem',
  'einen', 'einer', 'eines', 'einige', 'er', 'es', 'etwas', 'euch', 'euer', 'für', 'gegen', 'gewesen', 'hab', 'habe',
  'haben', 'hat', 'hatte', 'hätte', 'hier', 'hin', 'hinter', 'ich', 'ihm', 'ihn', 'ihnen', 'ihr', 'ihre', 'im', 'in',
  'indem', 'ins', 'ist', 'ja', 'jede', 'jedem', 'jeden', 'jeder', 'jetzt', 'kann', 'kein', 'keine', 'können', 'könnte',
  'machen', 'man', 'manche', 'mehr', 'mein', 'meine', 'mich', 'mir', 'mit', 'muss', 'müssen', 'nach', 'nicht',
  'nichts', 'noch', 'nun', 'nur', 'ob', 'oder', 'ohne', 'schon', 'sehr', 'sein', 'seine', 'sich', 'sie', 'sind', 'so',
  'soll', 'sollen', 'sollte', 'sondern', 'über', 'um', 'und', 'uns', 'unser', 'unsere', 'unter', 'viel', 'vom', 'von',
  'vor', 'war', 'waren', 'was', 'weil', 'welche', 'wenn', 'wer', 'werde', 'werden', 'wie', 'wieder', 'wir', 'wird',
  'wo', 'wollen', 'würde', 'zu', 'zum', 'zur', 'zwar', 'zwischen', 'äh', 'ähm', 'hm', 'genau', 'okay', 'gut', 'mal',
  'halt', 'eben', 'eigentlich', 'einfach', 'gibt', 'geht', 'glaube', 'denke', 'sagen', 'danke', 'bitte', 'naja',
];
