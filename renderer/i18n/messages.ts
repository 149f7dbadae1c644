/** A message is plain text, or plural forms chosen with Intl.PluralRules by `count`. */
export type PluralForms = { one: string; other: string };
export type Message = string | PluralForms;
