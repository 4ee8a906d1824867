/**
 * Which kinds of project may import which. A library is published on its own and runs in
 * hosts we do not control, so it may import only other libraries: never the generator,
 * an app, or generated code.
 */
export const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  'type:lib': ['type:lib'],
  'type:tool': ['type:lib', 'type:tool'],
  'type:app': ['type:lib', 'type:app', 'type:tool'],
  'type:e2e': ['type:lib', 'type:app', 'type:tool', 'type:e2e'],
};
