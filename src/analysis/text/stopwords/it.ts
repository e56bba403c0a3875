/** Italian stopwords, with the hesitation sounds of spoken Italian. */
export const IT_FILLERS: readonly string[] = ['ehm', 'eh', 'mmm', 'mm'];

/** Italian function words and conversational glue. */
export const IT_STOPWORDS: readonly string[] = [
  'a', 'ad', 'al', 'alla', 'alle', 'allo', 'ai', 'agli', 'anche', 'ancora', 'avere', 'aveva', 'c', 'che', 'chi',
  'ci', 'come', 'con', 'così', 'cosa', 'cose', 'da', 'dal', 'dalla', 'dei', 'del', 'della', 'delle', 'dello', 'degli',
  'di', 'dove', 'e', 'è', 'ed', 'era', 'essere', 'gli', 'ha', 'hanno', 'ho', 'i', 'il', 'in', 'io', 'l', 'la', 'le',
  'lei', 'lo', 'loro', 'lui', 'ma', 'mi', 'mio', 'molto', 'ne', 'nei', 'nel', 'nella', 'nelle', 'no', 'noi', 'non',
  'nostro', 'nostra', 'o', 'per', 'perché', 'più', 'poi', 'può', 'quale', 'quando', 'quanto', 'quella', 'quello',
  'questa', 'questo', 'questi', 'queste', 'se', 'sei', 'si', 'sì', 'sia', 'siamo', 'sono', 'sta', 'stato', 'su',
  'sul', 'sulla', 'suo', 'sua', 'ti', 'tra', 'fra', 'tu', 'tutti', 'tutto', 'un', 'una', 'uno', 'vi', 'voi',
  'allora', 'adesso', 'ora', 'bene', 'va', 'fare', 'fatto', 'dire', 'detto', 'penso', 'credo', 'cioè', 'ehm', 'eh',
  'insomma', 'diciamo', 'grazie', 'ciao', 'okay', 'già', 'solo', 'sempre', 'ecco', 'dunque', 'quindi', 'però',
];
