import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: [
						'extensions/crm/src/**/*.test.ts',
						'seed/**/*.test.ts',
						'scripts/**/*.test.ts',
						'test/fuzz/**/*.test.ts',
					],
				},
			},
			{
				test: {
					name: 'integration',
					include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
					testTimeout: 180_000,
					hookTimeout: 300_000,
					fileParallelism: false,
					sequence: { concurrent: false },
				},
			},
		],
	},
});
