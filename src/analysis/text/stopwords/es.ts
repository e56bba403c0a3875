/** Spanish stopwords, with the hesitation sounds and discourse markers of spoken Spanish. */
export const ES_FILLERS: readonly string[] = ['eh', 'em', 'ehm', 'mmm', 'mm'];

/** Spanish function words and conversational glue. */
export const ES_STOPWORDS: readonly string[] = [
  'a', 'al', 'algo', 'algunas', 'algunos', 'ante', 'antes', 'aquí', 'así', 'aún', 'bajo', 'bien', 'cada', 'casi',
  'como', 'cómo', 'con', 'contra', 'cual', 'cuál', 'cuando', 'cuándo', 'cuanto', 'de', 'del', 'desde', 'donde',
  'dónde', 'durante', 'e', 'el', 'él', 'ella', 'ellas', 'ellos', 'en', 'entre', 'era', 'eran', 'es', 'esa', 'esas',
  'ese', 'eso', 'esos', 'esta', 'está', 'estaba', 'estado', 'estamos', 'están', 'estar', 'estas', 'este', 'esto',
  'estos', 'estoy', 'fue', 'fueron', 'ha', 'había', 'han', 'hasta', 'hay', 'hace', 'hacer', 'he', 'hemos', 'la',
  'las', 'le', 'les', 'lo', 'los', 'más', 'mas', 'me', 'mi', 'mis', 'mismo', 'mucho', 'muchos', 'muy', 'nada', 'ni',
  'no', 'nos', 'nosotros', 'nuestra', 'nuestro', 'o', 'otra', 'otras', 'otro', 'otros', 'para', 'pero', 'poco',
  'por', 'porque', 'qué', 'que', 'quien', 'quién', 'se', 'sea', 'según', 'ser', 'si', 'sí', 'sido', 'sin', 'sobre',
  'son', 'su', 'sus', 'también', 'tan', 'tanto', 'te', 'tener', 'tengo', 'tiene', 'tienen', 'todo', 'todos', 'toda',
  'todas', 'tu', 'tú', 'tus', 'un', 'una', 'uno', 'unos', 'unas', 'usted', 'ustedes', 'va', 'vamos', 'van', 'voy',
  'y', 'ya', 'yo', 'creo', 'digo', 'dice', 'entonces', 'pues', 'bueno', 'vale', 'claro', 'sea', 'ahora', 'luego',
  'después', 'vez', 'veces', 'cosa', 'cosas', 'eh', 'em', 'mmm', 'gracias', 'hola', 'sí', 'tal', 'cual', 'ir',
  'puede', 'pueden', 'podemos', 'hacemos', 'tenemos', 'hay', 'había', 'sería', 'creo', 'verdad', 'mira', 'oye',
];
