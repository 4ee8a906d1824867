/**
 * ESLint settings for dist/gallery/ws.js: the rules TurboWarp's extension gallery lints its
 * extension files with (ESLint's recommended set, the core rules and options below, and its own
 * plugin's checks), so our tests catch what the gallery's `npm run lint` would. The gallery's
 * plugin rules are all queries over the syntax tree; here they are the same queries under core
 * ESLint's `no-restricted-syntax`. Its current file needs two directives (`check-can-fetch`,
 * `should-translate`); ours must pass every query with none.
 */
import js from '@eslint/js';
import globals from 'globals';

/** Each query of the gallery's plugin (eslint.config.js in TurboWarp/extensions), with what it asks for. */
const GALLERY_QUERIES = [
  // no-new-syntax: what older browsers the gallery supports lack.
  { selector: 'AssignmentExpression[operator="??="]', message: 'x ??= y is too new for the gallery: write x = x ?? y.' },
  { selector: 'MemberExpression[object.name=Object][property.name=hasOwn]', message: 'Object.hasOwn is too new for the gallery: use Object.prototype.hasOwnProperty.call.' },
  // iife: one wrapped script.
  {
    selector: 'Program > :not(ExpressionStatement[expression.type=CallExpression][expression.callee.type=/FunctionExpression/])',
    message: 'All code must be inside the (function (Scratch) { ... })(Scratch); wrapper.',
  },
  // Scratch's own APIs in place of the page's.
  { selector: 'NewExpression[callee.name=XMLHttpRequest]', message: 'Use Scratch.fetch, not XMLHttpRequest.' },
  { selector: 'MemberExpression[object.name=window][property.name=vm]', message: 'Use Scratch.vm, not window.vm.' },
  { selector: 'CallExpression[callee.name=fetch]', message: 'Use Scratch.fetch, not fetch.' },
  { selector: 'CallExpression[callee.object.name=window][callee.property.name=fetch]', message: 'Use Scratch.fetch, not window.fetch.' },
  { selector: 'CallExpression[callee.name=open]', message: 'Use Scratch.openWindow, not open.' },
  { selector: 'CallExpression[callee.object.name=window][callee.property.name=open]', message: 'Use Scratch.openWindow, not window.open.' },
  { selector: 'AssignmentExpression[left.object.name=location][left.property.name=href]', message: 'Use Scratch.redirect, not location.href =.' },
  { selector: 'AssignmentExpression[left.object.object.name=window][left.object.property.name=location][left.property.name=href]', message: 'Use Scratch.redirect, not window.location.href =.' },
  { selector: 'AssignmentExpression[left.name=location]', message: 'Use Scratch.redirect, not location =.' },
  { selector: 'AssignmentExpression[left.object.name=window][left.property.name=location]', message: 'Use Scratch.redirect, not window.location =.' },
  { selector: 'CallExpression[callee.object.name=location][callee.property.name=/^(assign|replace)$/]', message: 'Use Scratch.redirect, not location.assign or replace.' },
  {
    selector: 'CallExpression[callee.object.object.name=window][callee.object.property.name=location][callee.property.name=/^(assign|replace)$/]',
    message: 'Use Scratch.redirect, not window.location.assign or replace.',
  },
  // check-can-fetch: what reaches the network is asked about first, and said so.
  { selector: 'NewExpression[callee.name=/^(WebSocket|Image|Audio)$/]', message: 'Ask await Scratch.canFetch(url) before this (the gallery then wants a directive on the line).' },
  // Translations are the gallery's to add when it builds.
  {
    selector: 'CallExpression[callee.object.object.name=Scratch][callee.object.property.name=translate][callee.property.name=setup]',
    message: 'The gallery file must not call Scratch.translate.setup.',
  },
  { selector: 'VariableDeclarator[init.type=MemberExpression][init.object.name=Scratch][init.property.name=translate]', message: 'Call Scratch.translate directly: the gallery reads its texts from those calls.' },
  { selector: 'AssignmentExpression[right.type=MemberExpression][right.object.name=Scratch][right.property.name=translate]', message: 'Call Scratch.translate directly: the gallery reads its texts from those calls.' },
  // should-translate and should-not-translate.
  { selector: 'MethodDefinition[key.name=getInfo] Property[key.name=name][value.type=Literal]', message: 'An extension name in getInfo() should be translated.' },
  { selector: 'MethodDefinition[key.name=getInfo] Property[key.name=blocks] Property[key.name=text][value.type=Literal]', message: 'Block text should be translated.' },
  { selector: 'MethodDefinition[key.name=getInfo] Property[key.name=/^(id|opcode)$/][value.callee.property.name=translate]', message: 'Never translate the extension id or an opcode.' },
];

export default [
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser, Scratch: 'readonly' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none', argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-constructor-return': 'error',
      'no-async-promise-executor': 'warn',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unreachable-loop': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-mixed-operators': ['error', { groups: [['&&', '||']] }],
      'require-await': 'error',
      strict: ['error', 'function'],
      'no-restricted-globals': ['error', { name: 'vm', message: 'Use Scratch.vm.' }],
      'no-restricted-syntax': ['error', ...GALLERY_QUERIES],
    },
  },
];
