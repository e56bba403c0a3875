/** Portuguese stopwords, with the hesitation sounds of spoken Portuguese. */
export const PT_FILLERS: readonly string[] = ['hum', 'ahn', 'hã', 'éh'];

/** Portuguese function words and conversational glue. */
export const PT_STOPWORDS: readonly string[] = [
  'a', 'à', 'ao', 'aos', 'aquela', 'aquele', 'aqui', 'as', 'às', 'até', 'com', 'como', 'da', 'das', 'de', 'dela',
  'dele', 'deles', 'depois', 'do', 'dos', 'e', 'é', 'ela', 'elas', 'ele', 'eles', 'em', 'entre', 'era', 'essa',
  'essas', 'esse', 'esses', 'esta', 'está', 'estão', 'estar', 'estas', 'este', 'estes', 'eu', 'foi', 'foram', 'há',
  'isso', 'isto', 'já', 'lhe', 'lhes', 'mais', 'mas', 'me', 'mesmo', 'meu', 'minha', 'muito', 'muitos', 'na', 'nas',
  'não', 'nem', 'no', 'nos', 'nós', 'nossa', 'nosso', 'num', 'numa', 'o', 'os', 'ou', 'para', 'pela', 'pelas',
  'pelo', 'pelos', 'por', 'porque', 'quando', 'que', 'quem', 'se', 'sem', 'ser', 'seu', 'seus', 'sua', 'suas', 'só',
  'também', 'te', 'tem', 'têm', 'ter', 'teu', 'tu', 'tua', 'um', 'uma', 'umas', 'uns', 'você', 'vocês', 'vai', 'vou',
  'vamos', 'então', 'agora', 'aí', 'lá', 'bem', 'sim', 'coisa', 'coisas', 'gente', 'acho', 'tipo', 'né', 'hum',
  'obrigado', 'obrigada', 'olá', 'tá', 'fazer', 'dizer', 'pode', 'podemos', 'assim', 'ainda', 'sobre', 'cada',
];
