// Size bounds of a template, checked by a linear scan BEFORE handlebars parses or compiles it: a 700 KB template or
// blocks nested 3,000 deep are refused in microseconds instead of blocking the event loop for seconds (#15 finding 8).

export const TEMPLATE_LIMITS = {
	/** Characters of one subject or body (a long HTML newsletter is ~30,000). */
	maxLength: 100_000,
	/** {{ … }} tags in one template. */
	maxTags: 2_000,
	/** Nesting of {{#block}} … {{/block}}. */
	maxBlockDepth: 20,
	/** Nesting of ( … ) subexpressions inside one tag. */
	maxSubexpressionDepth: 10,
} as const;

export interface TemplateLimitIssue {
	line: number;
	column: number;
	message: string;
}

const TAG = /\{\{([\s\S]*?)\}\}/g;

/** The first bound `source` exceeds, with its position, or null. */
export function templateLimitIssue(source: string): TemplateLimitIssue | null {
	if (source.length > TEMPLATE_LIMITS.maxLength)
		return {
			line: 1,
			column: 1,
			message: `template is ${source.length} characters long; at most ${TEMPLATE_LIMITS.maxLength} are allowed`,
		};
	let tags = 0;
	let depth = 0;
	for (const match of source.matchAll(TAG)) {
		const at = () => position(source, match.index ?? 0);
		if (++tags > TEMPLATE_LIMITS.maxTags)
			return { ...at(), message: `template has more than ${TEMPLATE_LIMITS.maxTags} {{ }} tags` };
		const inner = match[1].replace(/^[{~&\s]+/, '');
		if (inner.startsWith('#') || inner.startsWith('^')) {
			if (++depth > TEMPLATE_LIMITS.maxBlockDepth)
				return { ...at(), message: `blocks are nested deeper than ${TEMPLATE_LIMITS.maxBlockDepth} levels` };
		} else if (inner.startsWith('/')) depth = Math.max(0, depth - 1);
		let parens = 0;
		for (const char of inner) {
			if (char === '(' && ++parens > TEMPLATE_LIMITS.maxSubexpressionDepth)
				return {
					...at(),
					message: `( ) subexpressions are nested deeper than ${TEMPLATE_LIMITS.maxSubexpressionDepth} levels`,
				};
			if (char === ')') parens = Math.max(0, parens - 1);
		}
	}
	return null;
}

function position(source: string, index: number): { line: number; column: number } {
	let line = 1;
	let start = 0;
	for (let i = source.indexOf('\n'); i !== -1 && i < index; i = source.indexOf('\n', i + 1)) {
		line++;
		start = i + 1;
	}
	return { line, column: index - start + 1 };
}
