// Errors as the CRM logs and records them: never the SQL. Knex prefixes a failed statement to the driver's message,
// with every bound value filled in (customer e-mails, a 40,000-value list: ~1.3 MB per event, #15 finding 5), and
// PostgreSQL's `detail` repeats key values. Logs and the last_error columns get the driver's own message instead.

const SQL_START =
	/^\s*(select|insert|update|delete|with|create|alter|drop|pragma|begin|commit|rollback|savepoint|release|set)\b/i;
const MAX_REASON = 300;

/** The driver's message of a knex error (what follows the statement), or the message itself for other errors. */
function driverMessage(message: string): string {
	if (!SQL_START.test(message)) return message;
	const at = message.lastIndexOf(' - ');
	return at >= 0 ? message.slice(at + 3) : 'database error';
}

/** A short reason for a log line or a last_error column: no SQL, quoted values left out, at most 300 characters. */
export function safeReason(error: unknown): string {
	const raw = error instanceof Error ? error.message : String(error);
	const code = (error as { code?: unknown } | null)?.code;
	const reason = driverMessage(raw)
		.replace(/"[^"]*"|'[^']*'/g, '…')
		.replace(/\s+/g, ' ')
		.trim();
	const text = typeof code === 'string' && !reason.includes(code) ? `${code}: ${reason}` : reason;
	return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON)}…` : text;
}

/** The error to hand the logger: a knex error becomes one without its statement, bindings or `detail`. */
export function redactDbError(error: unknown): unknown {
	if (!(error instanceof Error) || !SQL_START.test(error.message)) return error;
	const safe = new Error(`database error (statement left out of the log): ${safeReason(error)}`);
	safe.name = error.name;
	const code = (error as { code?: unknown }).code;
	if (code !== undefined) Object.assign(safe, { code });
	const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
	safe.stack = [`${safe.name}: ${safe.message}`, ...frames].join('\n');
	return safe;
}
