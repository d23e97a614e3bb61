// ESLint for the whole repository: JavaScript and TypeScript recommended rules, Vue 3 recommended rules for the admin
// entries. Formatting is Prettier's job (npm run format), so no stylistic rules here.
import js from '@eslint/js';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['**/node_modules/**', '**/dist/**', '.tmp/**', 'data/**', 'snapshots/**', 'docs/**'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...vue.configs['flat/recommended'],
	{
		files: ['**/*.vue'],
		languageOptions: { parserOptions: { parser: tseslint.parser } },
	},
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser }, ecmaVersion: 2023, sourceType: 'module' },
		rules: {
			// Prettier decides the layout of templates too.
			'vue/max-attributes-per-line': 'off',
			'vue/singleline-html-element-content-newline': 'off',
			'vue/multiline-html-element-content-newline': 'off',
			'vue/html-indent': 'off',
			'vue/html-self-closing': 'off',
			'vue/html-closing-bracket-newline': 'off',
			'vue/first-attribute-linebreak': 'off',
			// Directus names entry components by their kind (interface.vue, panel.vue).
			'vue/multi-word-component-names': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
			],
		},
	},
	{
		// Test, seed and bench code still reads rows as Record<string, any>; typing them with CrmSchema is open work.
		files: ['test/**', 'bench/**', 'seed/**', 'scripts/**', '**/*.test.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
);
