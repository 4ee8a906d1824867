/** A single-quoted JavaScript literal for generated code (JSON's escapes are valid JavaScript). */
export function literal(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
