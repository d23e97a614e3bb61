// A registry of condition types, so other modules can add conditions without touching the validator or compiler.
import type { Condition, Issue } from './rule-types';

/** The pure half of a condition: how to validate it and which tables it reads (for incremental refresh). */
export interface ConditionSpec<C extends Condition = Condition> {
	type: string;
	/** Issues for this condition, with paths under `path`; must reject unknown keys. */
	validate(cond: C, path: string): Issue[];
	/** Tables whose changes can change the result of this condition. */
	reads: string[];
}

export class ConditionRegistry<S extends ConditionSpec = ConditionSpec> {
	private readonly specs = new Map<string, S>();

	constructor(specs: S[] = []) {
		for (const spec of specs) this.register(spec);
	}

	register(spec: S): this {
		if (this.specs.has(spec.type)) throw new Error(`segment condition "${spec.type}" is already registered`);
		this.specs.set(spec.type, spec);
		return this;
	}

	get(type: string): S | undefined {
		return this.specs.get(type);
	}

	types(): string[] {
		return [...this.specs.keys()];
	}
}
