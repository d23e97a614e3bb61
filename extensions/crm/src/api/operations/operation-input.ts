// Flow operation options arrive as strings after Directus renders their {{ templates }}: read them strictly, naming
// the option that is wrong (the flow's log shows the message).
type Kind = 'id' | 'integer' | 'text';
type Value<K extends Kind> = K extends 'text' ? string : number;

export function operationInput<S extends Record<string, Kind>>(
	options: Record<string, unknown>,
	shape: S,
): { [K in keyof S]: Value<S[K]> } {
	const out: Record<string, unknown> = {};
	for (const [name, kind] of Object.entries(shape)) {
		const raw = options?.[name];
		const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
		if (kind === 'text') {
			if (!text || text.length > 200) throw new Error(`${name}: required text of at most 200 characters`);
			out[name] = text;
		} else {
			const number = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
			if (!Number.isSafeInteger(number) || (kind === 'id' && number <= 0) || number === 0)
				throw new Error(`${name}: must be a ${kind === 'id' ? 'positive id' : 'non-zero whole number'}`);
			out[name] = number;
		}
	}
	return out as { [K in keyof S]: Value<S[K]> };
}
