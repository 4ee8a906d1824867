/**
 * A single-quoted JavaScript literal for generated code (JSON's escapes are valid JavaScript).
 * U+2028 and U+2029 are escaped too: JSON leaves them raw, and older parsers end a line there.
 */
export function literal(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const escaped = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${escaped.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`;
}

/**
 * Spec text made safe inside a generated doc comment: a star followed by a slash would end
 * the comment and turn the rest of the text into code that runs when the extension loads, so
 * the slash is escaped with a backslash; line breaks become spaces (the schema already refuses them in block texts
 * and names, this keeps the emitter safe on its own).
 */
export function commentText(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');
}
