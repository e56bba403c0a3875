/**
 * Portuguese word lists (European and Brazilian). Spoken Portuguese, broadcast news included, is dense with
 * contractions ("naquele", "pelo"), forms of the auxiliaries (ser, estar, ter, haver, ir) and reporting verbs
 * ("disse", "afirmou"); without them, key phrases come out as "foi" and "disse".
 */

/** Hesitation sounds of spoken Portuguese. */
export const PT_FILLERS: readonly string[] = ['hum', 'hmm', 'ahn', 'hã', 'éh', 'eh', 'ah', 'uh', 'humm', 'mm'];

/** Function words, auxiliaries, reporting verbs and conversational glue. */
export const PT_STOPWORDS: readonly string[] = [
  // articles, prepositions and their contractions
  'a', 'à', 'às', 'ao', 'aos', 'o', 'os', 'as', 'um', 'uma', 'uns', 'umas', 'de', 'do', 'da', 'dos', 'das', 'dum',
  'duma', 'duns', 'dumas', 'em', 'no', 'na', 'nos', 'nas', 'num', 'numa', 'nuns', 'numas', 'por', 'pelo', 'pela',
  'pelos', 'pelas', 'para', 'pra', 'pro', 'pras', 'pros', 'com', 'sem', 'sob', 'sobre', 'entre', 'até', 'desde',
  'contra', 'perante', 'após', 'durante', 'segundo', 'conforme', 'através', 'dentro', 'fora', 'perto', 'longe',
  'antes', 'depois', 'diante', 'junto', 'deste', 'desta', 'destes', 'destas', 'desse', 'dessa', 'desses', 'dessas',
  'daquele', 'daquela', 'daqueles', 'daquelas', 'disto', 'disso', 'daquilo', 'neste', 'nesta', 'nestes', 'nestas',
  'nesse', 'nessa', 'nesses', 'nessas', 'naquele', 'naquela', 'naqueles', 'naquelas', 'nisto', 'nisso', 'naquilo',
  'àquele', 'àquela', 'àqueles', 'àquelas', 'dele', 'dela', 'deles', 'delas', 'nele', 'nela', 'neles', 'nelas',
  // pronouns and determiners
  'eu', 'tu', 'ele', 'ela', 'nós', 'vós', 'eles', 'elas', 'você', 'vocês', 'me', 'te', 'se', 'lhe', 'lhes', 'vos',
  'mim', 'ti', 'si', 'comigo', 'contigo', 'consigo', 'conosco', 'connosco', 'meu', 'minha', 'meus', 'minhas', 'teu',
  'tua', 'teus', 'tuas', 'seu', 'sua', 'seus', 'suas', 'nosso', 'nossa', 'nossos', 'nossas', 'vosso', 'vossa',
  'vossos', 'vossas', 'este', 'esta', 'estes', 'estas', 'esse', 'essa', 'esses', 'essas', 'aquele', 'aquela',
  'aqueles', 'aquelas', 'isto', 'isso', 'aquilo', 'que', 'quem', 'qual', 'quais', 'cujo', 'cuja', 'cujos', 'cujas',
  'todo', 'toda', 'todos', 'todas', 'tudo', 'nada', 'algo', 'alguém', 'ninguém', 'algum', 'alguma', 'alguns',
  'algumas', 'nenhum', 'nenhuma', 'outro', 'outra', 'outros', 'outras', 'mesmo', 'mesma', 'mesmos', 'mesmas',
  'próprio', 'própria', 'próprios', 'próprias', 'tal', 'tais', 'cada', 'qualquer', 'quaisquer', 'vários', 'várias',
  'muito', 'muita', 'muitos', 'muitas', 'pouco', 'pouca', 'poucos', 'poucas', 'tanto', 'tanta', 'tantos', 'tantas',
  'quanto', 'quanta', 'quantos', 'quantas', 'demais', 'bastante',
  // conjunctions and adverbs
  'e', 'ou', 'nem', 'mas', 'porém', 'contudo', 'todavia', 'pois', 'porque', 'porquê', 'caso',
  'embora', 'enquanto', 'quando', 'onde', 'como', 'logo', 'portanto', 'assim', 'então', 'também', 'tampouco',
  'mais', 'menos', 'apenas', 'só', 'somente', 'ainda', 'já', 'sempre', 'nunca', 'jamais', 'aqui', 'aí', 'ali',
  'lá', 'cá', 'agora', 'hoje', 'ontem', 'amanhã', 'bem', 'mal', 'sim', 'não', 'talvez', 'quase', 'tão', 'cerca',
  'acima', 'abaixo', 'além', 'aliás', 'enfim', 'inclusive', 'inclusivamente', 'especialmente', 'praticamente',
  'realmente', 'exatamente', 'exactamente', 'claro', 'certamente', 'provavelmente', 'simplesmente', 'obviamente',
  // ser, estar, ter, haver, ir
  'ser', 'sou', 'és', 'é', 'somos', 'são', 'era', 'eras', 'éramos', 'eram', 'fui', 'foi', 'fomos', 'foram', 'fora',
  'seja', 'sejam', 'sejamos', 'fosse', 'fossem', 'for', 'forem', 'será', 'serão', 'seria', 'seriam', 'sido',
  'sendo', 'estar', 'estou', 'está', 'estás', 'estamos', 'estão', 'estava', 'estavam', 'esteve', 'estiveram',
  'esteja', 'estejam', 'estivesse', 'estiver', 'estará', 'estaria', 'estado', 'estando', 'tá', 'tô', 'ter',
  'tenho', 'tens', 'tem', 'temos', 'têm', 'tinha', 'tinham', 'tive', 'teve', 'tivemos', 'tiveram', 'tenha',
  'tenham', 'tivesse', 'tiver', 'terá', 'terão', 'teria', 'teriam', 'tido', 'tendo', 'haver', 'há', 'havia',
  'houve', 'haja', 'houver', 'haverá', 'haveria', 'havido', 'havendo', 'hão', 'hei', 'ir', 'vou', 'vais', 'vai',
  'vamos', 'vão', 'ia', 'iam', 'irá', 'irão', 'iria', 'indo', 'ido', 'vá',
  // other frequent verbs: doing, saying, being able to
  'fazer', 'faço', 'faz', 'fazem', 'fazemos', 'fez', 'fizeram', 'fazia', 'faziam', 'fará', 'faria', 'feito',
  'fazendo', 'faça', 'poder', 'posso', 'pode', 'podem', 'podemos', 'podia', 'podiam', 'pôde', 'puderam', 'poderá',
  'poderia', 'poderiam', 'possa', 'possam', 'pudesse', 'dizer', 'digo', 'diz', 'dizem', 'disse', 'disseram',
  'dizia', 'dito', 'dizendo', 'diga', 'dar', 'dá', 'dão', 'deu', 'deram', 'dado', 'ver', 'vejo', 'vê', 'veem',
  'viu', 'viram', 'visto', 'vendo', 'saber', 'sei', 'sabe', 'sabem', 'sabemos', 'sabia', 'querer', 'quero', 'quer',
  'querem', 'queremos', 'queria', 'quis', 'dever', 'devo', 'deve', 'devem', 'devemos', 'devia', 'deveria',
  'deveriam', 'ficar', 'fica', 'ficam', 'ficou', 'ficaram', 'achar', 'acho', 'acha', 'achamos', 'parece',
  'parecem', 'pareceu', 'vir', 'vem', 'vêm', 'veio', 'vieram', 'falar', 'fala', 'falou', 'afirmou', 'referiu',
  'explicou', 'adiantou', 'acrescentou', 'sublinhou', 'garantiu', 'considerou', 'trata', 'tratar',
  // conversational glue and forms of address
  'né', 'tipo', 'olha', 'olhe', 'pronto', 'bom', 'boa', 'bons', 'boas', 'ok', 'obrigado', 'obrigada', 'olá',
  'senhor', 'senhora', 'senhores', 'senhoras', 'sr', 'sra', 'dr', 'dra', 'coisa', 'coisas', 'gente', 'vez',
  'vezes', 'forma', 'maneira', 'acho', 'hum',
];

/** Content words too common to be a topic alone (weighted down, not dropped). */
export const PT_COMMON: readonly string[] = [
  'ano', 'anos', 'dia', 'dias', 'semana', 'semanas', 'mês', 'meses', 'tempo', 'hora', 'horas', 'minutos', 'parte',
  'pessoas', 'pessoa', 'caso', 'casos', 'questão', 'problema', 'problemas', 'número', 'grande', 'grandes', 'novo',
  'nova', 'novos', 'novas', 'maior', 'primeiro', 'primeira', 'último', 'última', 'últimos', 'dois', 'duas', 'três',
  'quatro', 'cinco', 'dez', 'cem', 'mil', 'milhões', 'milhão', 'segunda-feira', 'terça-feira',
  'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado', 'domingo', 'noite', 'manhã', 'tarde', 'altura',
  'momento', 'lado', 'exemplo', 'ponto', 'situação', 'verdade',
];
