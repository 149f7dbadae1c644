export type Params = Record<string, string | number>;

/** Fills {name} placeholders; an unknown one stays visible rather than blank. */
export function fillTemplate(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
