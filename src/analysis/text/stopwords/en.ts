/**
 * English word lists. Meeting speech is full of words that carry no topic ("yeah", "gonna", "I think"), so the
 * stopword list goes well beyond the usual function words; without that, key phrases come out as "think" and "know".
 */

/** Hesitation sounds: removed from displayed sentences and never counted as content. */
export const EN_FILLERS: readonly string[] = [
  'uh', 'um', 'umm', 'uhm', 'uhh', 'erm', 'er', 'err', 'ah', 'ahh', 'eh', 'hmm', 'hm', 'mm', 'mmm', 'mhm', 'uh-huh',
  'mm-hmm', 'huh', 'hmm-hmm', 'um-hmm', 'uh-hum',
];

/** Function words, pronouns, auxiliaries and the conversational glue of spoken English. */
export const EN_STOPWORDS: readonly string[] = [
  // function words
  'a', 'about', 'above', 'across', 'after', 'again', 'against', 'all', 'almost', 'along', 'also', 'although', 'always',
  'am', 'among', 'an', 'and', 'another', 'any', 'anyway', 'anyways', 'are', 'around', 'as', 'at', 'be', 'because',
  'been', 'before', 'being', 'below', 'beside', 'besides', 'between', 'beyond', 'both', 'but', 'by', 'can', 'cannot',
  'could', 'did', 'do', 'does', 'doing', 'done', 'down', 'during', 'each', 'either', 'else', 'enough', 'etc', 'even',
  'ever', 'every', 'few', 'for', 'from', 'further', 'had', 'has', 'have', 'having', 'he', 'her', 'here', 'hers',
  'herself', 'him', 'himself', 'his', 'how', 'however', 'i', 'if', 'in', 'inside', 'into', 'is', 'it', 'its', 'itself',
  'just', 'least', 'less', 'may', 'me', 'might', 'mine', 'more', 'most', 'much', 'must', 'my', 'myself', 'neither',
  'never', 'no', 'nor', 'not', 'now', 'of', 'off', 'often', 'on', 'once', 'only', 'onto', 'or', 'other', 'others',
  'otherwise', 'ought', 'our', 'ours', 'ourselves', 'out', 'outside', 'over', 'own', 'per', 'quite', 'rather', 'same',
  'shall', 'she', 'should', 'since', 'so', 'some', 'still', 'such', 'than', 'that', 'the', 'their', 'theirs', 'them',
  'themselves', 'then', 'there', 'therefore', 'these', 'they', 'this', 'those', 'though', 'through', 'thus', 'to',
  'too', 'toward', 'towards', 'under', 'unless', 'until', 'up', 'upon', 'us', 'very', 'via', 'was', 'we', 'were',
  'what', 'whatever', 'when', 'where', 'whether', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with',
  'within', 'without', 'would', 'yet', 'you', 'your', 'yours', 'yourself', 'yourselves', 'whereas', 'whenever',
  'wherever', 'whoever', 'hence', 'nevertheless', 'meanwhile', 'already', 'anymore', 'instead', 'indeed',
  // contractions, with and without the apostrophe (ASR often drops it)
  "aren't", "can't", "couldn't", "didn't", "doesn't", "don't", "hadn't", "hasn't", "haven't", "he'd", "he'll", "he's",
  "here's", "how's", "i'd", "i'll", "i'm", "i've", "isn't", "it'd", "it'll", "it's", "let's", "mustn't", "shan't",
  "she'd", "she'll", "she's", "shouldn't", "that'd", "that'll", "that's", "there'd", "there'll", "there's", "they'd",
  "they'll", "they're", "they've", "wasn't", "we'd", "we'll", "we're", "we've", "weren't", "what's", "when's",
  "where's", "who's", "why's", "won't", "wouldn't", "you'd", "you'll", "you're", "you've", "y'know", "'cause",
  'dont', 'cant', 'didnt', 'doesnt', 'isnt', 'wasnt', 'wont', 'im', 'ive', 'youre', 'theyre', 'thats', 'theres',
  'whats', 'lets', 'id', 'ill', 'itll', 'hes', 'shes', 'weve', 'theyve', 'youve', 'couldnt', 'wouldnt', 'shouldnt',
  // pieces left when a tokenizer splits contractions
  's', 't', 'd', 'll', 're', 've', 'm', 'n', 'o',
  // conversational glue
  'yeah', 'yes', 'yep', 'yup', 'nope', 'nah', 'okay', 'ok', 'alright', 'right', 'oh', 'well', 'like', 'really',
  'actually', 'basically', 'literally', 'totally', 'definitely', 'exactly', 'absolutely', 'certainly', 'obviously',
  'probably', 'possibly', 'maybe', 'perhaps', 'sure', 'pretty', 'kinda', 'sorta', 'gonna', 'wanna', 'gotta',
  'dunno', 'cause', 'cos', 'anyhow', 'somehow', 'sort', 'kind', 'lot', 'lots', 'bit', 'thing', 'things', 'stuff',
  'something', 'anything', 'everything', 'nothing', 'someone', 'anyone', 'everyone', 'somebody', 'anybody',
  'everybody', 'nobody', 'somewhere', 'anywhere', 'everywhere', 'nowhere', 'way', 'ways', 'whole', 'guess', 'mean',
  'means', 'meant', 'think', 'thinks', 'thought', 'thinking', 'know', 'knows', 'knew', 'known', 'knowing', 'get',
  'gets', 'got', 'gotten', 'getting', 'go', 'goes', 'going', 'gone', 'went', 'say', 'says', 'said', 'saying', 'see',
  'sees', 'saw', 'seen', 'seeing', 'want', 'wants', 'wanted', 'wanting', 'let', 'make', 'makes', 'made', 'making',
  'take', 'takes', 'took', 'taken', 'taking', 'come', 'comes', 'came', 'coming', 'put', 'puts', 'putting', 'try',
  'tries', 'tried', 'trying', 'tell', 'tells', 'told', 'telling', 'give', 'gives', 'gave', 'given', 'giving', 'look',
  'looks', 'looked', 'looking', 'need', 'needs', 'needed', 'feel', 'feels', 'felt', 'seem', 'seems', 'seemed',
  'suppose', 'supposed', 'talk', 'talking', 'talked', 'ask', 'asked', 'asking', 'keep', 'kept', 'start', 'started',
  'also', 'again', 'back', 'ahead', 'away', 'able', 'one', 'ones', 'two', 'three', 'four', 'five', 'six', 'seven',
  'eight', 'nine', 'ten', 'first', 'second', 'last', 'next', 'many', 'several', 'couple', 'thanks', 'thank', 'please',
  'sorry', 'hello', 'hi', 'hey', 'bye', 'good', 'great', 'nice', 'fine', 'cool', 'awesome', 'wow', 'gosh', 'god',
  'mr', 'mrs', 'ms', 'dr', 'sir', 'madam', 'um', 'uh', 'eh', 'ah', 'hmm', 'mhm', 'mm',
  // participles that work as prepositions ("according to", "including")
  'according', 'including', 'regarding', 'concerning', 'following', 'despite',
];

/**
 * Common words that are content-bearing but rarely what a meeting is about. They still count, at a fraction of
 * their weight, so "project" or "time" can make a phrase ("project budget") but rarely win alone.
 */
export const EN_COMMON: readonly string[] = [
  'time', 'times', 'year', 'years', 'day', 'days', 'week', 'weeks', 'month', 'months', 'today', 'tomorrow',
  'yesterday', 'people', 'person', 'part', 'point', 'points', 'case', 'fact', 'idea', 'ideas', 'question', 'questions',
  'problem', 'problems', 'issue', 'issues', 'example', 'number', 'place', 'work', 'works', 'working', 'worked', 'use',
  'used', 'uses', 'using', 'new', 'old', 'big', 'small', 'little', 'long', 'short', 'high', 'low', 'large', 'important',
  'different', 'same', 'real', 'best', 'better', 'bad', 'worse', 'hard', 'easy', 'true', 'whole', 'minute', 'minutes',
  'hour', 'hours', 'moment', 'second', 'seconds', 'end', 'top', 'side', 'level', 'area', 'sense', 'reason', 'answer',
  'kind', 'type', 'types', 'set', 'sets', 'open', 'call', 'called', 'calls', 'find', 'found', 'show', 'shows', 'shown',
  'work', 'change', 'changes', 'move', 'moving', 'turn', 'run', 'running', 'help', 'happen', 'happened', 'happens',
  'agree', 'understand', 'remember', 'believe', 'wonder', 'decide', 'decided', 'discuss', 'discussed', 'bring',
  'write', 'read', 'hear', 'heard', 'add', 'added', 'leave', 'left', 'send', 'sent', 'check', 'wait', 'stop', 'sort',
  'basic', 'general', 'particular', 'certain', 'possible', 'available', 'simple', 'likely', 'main', 'current',
  'interesting', 'different', 'similar', 'due', 'far', 'near', 'whole', 'half', 'quick', 'quickly', 'especially',
  'generally', 'usually', 'currently', 'simply', 'clearly', 'mostly', 'mainly', 'able', 'yes', 'okay',
  // dates and quantities: when and how much, rarely what about
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tonight', 'morning', 'afternoon',
  'evening', 'hundred', 'thousand', 'million', 'millions', 'billion', 'billions', 'percent', 'former', 'latest',
];
