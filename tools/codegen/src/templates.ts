import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';

/**
 * The handlebars templates in tools/codegen/templates, compiled once per process. Each
 * emitter gets its own Handlebars environment, so helpers never leak between them.
 */
const TEMPLATE_DIR = new URL('../templates/', import.meta.url);
const cache = new Map<string, HandlebarsTemplateDelegate>();

export function template(name: string, options: { noEscape: boolean }): HandlebarsTemplateDelegate {
  const key = `${name}:${options.noEscape}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const source = readFileSync(new URL(name, TEMPLATE_DIR), 'utf8');
  const compiled = Handlebars.create().compile(source, { noEscape: options.noEscape, strict: true });
  cache.set(key, compiled);
  return compiled;
}
