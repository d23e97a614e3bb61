// The frame of the CRM's public pages: one self-contained HTML document (no scripts, no external assets, inline CSS)
// that reads well on a phone, sent with headers that keep the signed token out of caches, referrers and frames.
import type { Lang } from '../../domain/surveys';
import { t, type TextKey } from './i18n';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and quoted attribute values. Every interpolated value goes through this. */
export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f3f5f9;color:#172940;font:16px/1.5 -apple-system,BlinkMacSystemFont,"Apple SD Gothic Neo","Noto Sans KR","Malgun Gothic","Segoe UI",Roboto,sans-serif;-webkit-text-size-adjust:100%;word-break:keep-all;overflow-wrap:break-word}
main{max-width:560px;margin:0 auto;padding:24px 16px 40px}
.card{background:#fff;border-radius:16px;padding:24px 20px;box-shadow:0 2px 12px rgba(23,41,64,.08)}
.card+.card{margin-top:16px}
h1{font-size:22px;line-height:1.35;margin:0 0 12px}
p{margin:0 0 12px}
.intro{color:#4f5f73;white-space:pre-line}
.note{background:#eef4ff;border-radius:10px;padding:10px 12px;font-size:15px}
.error{background:#fdecee;color:#a4173b;border-radius:10px;padding:10px 12px;font-weight:600}
fieldset{border:0;margin:20px 0 0;padding:0}
legend{font-weight:700;font-size:18px;margin-bottom:12px;padding:0}
.scale{display:grid;gap:8px}
.scale.nps{grid-template-columns:repeat(6,1fr)}
.scale.csat{grid-template-columns:repeat(5,1fr)}
.choice{position:relative;display:block;-webkit-tap-highlight-color:transparent}
.choice input{position:absolute;opacity:0;width:1px;height:1px}
.choice span{display:flex;align-items:center;justify-content:center;min-height:56px;border:2px solid #c9d3e0;border-radius:12px;background:#fff;font-size:20px;font-weight:700;cursor:pointer;user-select:none}
.choice input:checked+span{background:#2f6fed;border-color:#2f6fed;color:#fff}
.choice input:focus-visible+span{outline:3px solid #9bbcff;outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:12px;margin-top:8px;color:#5b6b80;font-size:14px}
label.comment{display:block;font-weight:700;margin:24px 0 8px}
textarea{width:100%;min-height:120px;padding:12px;border:2px solid #c9d3e0;border-radius:12px;font:inherit;font-size:16px;resize:vertical}
textarea:focus{outline:none;border-color:#2f6fed}
button{-webkit-tap-highlight-color:transparent;display:block;width:100%;min-height:56px;margin-top:24px;border:0;border-radius:12px;background:#2f6fed;color:#fff;font:inherit;font-size:18px;font-weight:700;cursor:pointer}
button:focus-visible{outline:3px solid #9bbcff;outline-offset:2px}
.tick{position:relative;width:64px;height:64px;margin:8px auto 16px;border-radius:50%;background:#2ecda7}
.tick::after{content:'';position:absolute;left:23px;top:13px;width:14px;height:28px;border:solid #fff;border-width:0 5px 5px 0;transform:rotate(45deg)}
.center{text-align:center}
`;

/** A complete page: `body` is HTML the caller built from escaped values. */
export function page(langs: Lang[], title: string, body: string): string {
	return `<!doctype html>
<html lang="${langs.length === 1 ? langs[0] : 'ko'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** A message page (errors, thank-you, done) in one language, or in Korean then English when the language is unknown. */
export function messagePage(
	langs: Lang[],
	titleKey: TextKey,
	bodyKey: TextKey,
	vars: Record<string, string | number> = {},
	extra = '',
): string {
	const cards = langs.map(
		(lang) =>
			`<section class="card" lang="${lang}"><h1>${escapeHtml(t(lang, titleKey, vars))}</h1><p>${escapeHtml(t(lang, bodyKey, vars))}</p>${extra}</section>`,
	);
	return page(langs, langs.map((lang) => t(lang, titleKey, vars)).join(' · '), cards.join(''));
}

interface HtmlResponse {
	status(code: number): HtmlResponse;
	setHeader(name: string, value: string): unknown;
	send(body: string): unknown;
}

export function sendHtml(res: HtmlResponse, status: number, html: string) {
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Cache-Control', 'no-store');
	res.setHeader('Referrer-Policy', 'no-referrer');
	res.setHeader('X-Robots-Tag', 'noindex, nofollow');
	res.setHeader('X-Frame-Options', 'DENY');
	res.setHeader(
		'Content-Security-Policy',
		"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
	);
	res.status(status).send(html);
}
