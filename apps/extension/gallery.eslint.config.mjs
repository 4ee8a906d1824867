/**
 * ESLint settings for dist/gallery/ws.js: the core rules TurboWarp's extension gallery lints
 * its extension files with (ESLint's recommended set, plus the rules and options below), so
 * our tests catch what the gallery's `npm run lint` would. The gallery's own plugin rules are
 * not run here, except `check-can-fetch` and `should-translate`, which our file disables on one
 * line each and which must exist for those directives to mean anything (an unused directive is an error here, as with
 * the gallery's --max-warnings=0).
 */
import js from '@eslint/js';
import globals from 'globals';

const SCRIPT_HEADER_ONLY = 'All code must be inside the (function (Scratch) { ... })(Scratch); wrapper.';

/** `new WebSocket(...)`, `new Image(...)`, `new Audio(...)` reach the network: ask Scratch.canFetch first. */
const checkCanFetch = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      NewExpression(node) {
        if (node.callee.type === 'Identifier' && ['WebSocket', 'Image', 'Audio'].includes(node.callee.name)) {
          context.report({ node, message: `new ${node.callee.name}(): check await Scratch.canFetch(url) first, then disable this rule for the line` });
        }
      },
    };
  },
};

/** A literal extension name or block text in getInfo() should go through Scratch.translate (the gallery's rule). */
const shouldTranslate = {
  meta: { type: 'suggestion', schema: [] },
  create(context) {
    const report = (node, message) => context.report({ node, message });
    return {
      'MethodDefinition[key.name=getInfo] Property[key.name=name][value.type=Literal]': (node) => report(node, 'Extension name should usually be translated'),
      'MethodDefinition[key.name=getInfo] Property[key.name=blocks] Property[key.name=text][value.type=Literal]': (node) => report(node, 'Block text should usually be translated'),
    };
  },
};

export default [
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser, Scratch: 'readonly' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { extension: { rules: { 'check-can-fetch': checkCanFetch, 'should-translate': shouldTranslate } } },
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
      // Two of the gallery's conventions that core ESLint can state: one wrapped script, and
      // no translations of our own (the gallery adds its translations when it builds).
      'no-restricted-syntax': [
        'error',
        { selector: 'Program > :not(ExpressionStatement[expression.type="CallExpression"])', message: SCRIPT_HEADER_ONLY },
        { selector: 'CallExpression[callee.property.name="setup"][callee.object.property.name="translate"]', message: 'The gallery file must not call Scratch.translate.setup.' },
      ],
      'extension/check-can-fetch': 'error',
      'extension/should-translate': 'error',
    },
  },
];
