// A real SMTP server for tests (the smtp-server package): receives what Directus's MailService sends and decodes the
// parts the tests read (subject, text and HTML bodies, Message-ID). `delayMs` holds each message before answering
// (to kill a sender mid-send); `refuse` answers a permanent 550.
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../scripts/lib/free-port.ts';

export interface ReceivedMail {
	to: string[];
	subject: string;
	messageId: string;
	html: string;
	text: string;
	raw: string;
}

export interface SmtpSink {
	port: number;
	messages: ReceivedMail[];
	delayMs: number;
	refuse: boolean;
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
	stop(): Promise<void>;
}

function decodeWords(value: string): string {
	return value.replace(/\s*=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_, _charset, encoding, text) =>
		encoding.toUpperCase() === 'B'
			? Buffer.from(text, 'base64').toString('utf8')
			: decodeQuotedPrintable(text.replace(/_/g, ' ')),
	);
}

function decodeQuotedPrintable(text: string): string {
	const bytes: number[] = [];
	const soft = text.replace(/=\r?\n/g, '');
	for (let i = 0; i < soft.length; i++) {
		if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
			bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(soft[i], 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

function headersOf(block: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const at = line.indexOf(':');
		if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
	}
	return headers;
}

/** Leaf parts of a MIME message, with their decoded bodies. */
function parts(raw: string): { type: string; body: string }[] {
	const split = raw.search(/\r?\n\r?\n/);
	const headers = headersOf(raw.slice(0, split));
	const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
	const type = headers['content-type'] ?? 'text/plain';
	const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
	if (type.startsWith('multipart/') && boundary) {
		return body
			.split(`--${boundary}`)
			.slice(1)
			.filter((part) => !part.startsWith('--'))
			.flatMap((part) => parts(part.replace(/^\r?\n/, '')));
	}
	const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
	const decoded =
		encoding === 'base64'
			? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
			: encoding === 'quoted-printable'
				? decodeQuotedPrintable(body)
				: body;
	return [{ type: type.split(';')[0].trim().toLowerCase(), body: decoded }];
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
	const headers = headersOf(raw.slice(0, raw.search(/\r?\n\r?\n/)));
	const leaves = parts(raw);
	return {
		to,
		raw,
		subject: decodeWords(headers.subject ?? ''),
		messageId: headers['message-id'] ?? '',
		html: leaves.find((part) => part.type === 'text/html')?.body ?? '',
		text: leaves.find((part) => part.type === 'text/plain')?.body ?? '',
	};
}

export async function startSmtpSink(port?: number): Promise<SmtpSink> {
	const chosen = port ?? (await freePort());
	const sink: SmtpSink = {
		port: chosen,
		messages: [],
		delayMs: 0,
		refuse: false,
		async waitFor(count, timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			while (sink.messages.length < count) {
				if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${sink.messages.length}`);
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			return sink.messages;
		},
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				if (sink.refuse) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
				const finish = () => {
					sink.messages.push(
						parseMail(
							Buffer.concat(chunks).toString('utf8'),
							session.envelope.rcptTo.map((rcpt) => rcpt.address),
						),
					);
					callback();
				};
				if (sink.delayMs > 0) setTimeout(finish, sink.delayMs);
				else finish();
			});
		},
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(chosen, '127.0.0.1', () => resolve());
	});
	return sink;
}

/** Directus env for sending through the sink. */
export const smtpEnv = (sink: { port: number }) => ({
	EMAIL_TRANSPORT: 'smtp',
	EMAIL_SMTP_HOST: '127.0.0.1',
	EMAIL_SMTP_PORT: String(sink.port),
	EMAIL_SMTP_SECURE: 'false',
	EMAIL_SMTP_IGNORE_TLS: 'true',
	EMAIL_FROM: 'crm@example.kr',
	EMAIL_VERIFY_SETUP: 'false',
});
