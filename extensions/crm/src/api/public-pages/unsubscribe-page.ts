// One-click unsubscribe: a confirm page (a single button posting the token back) and the done page.
import type { Lang } from '../../domain/surveys';
import type { UnsubscribeChannel } from '../../domain/signed-links';
import { escapeHtml, messagePage, page } from './html';
import { t } from './i18n';

const channelName = (lang: Lang, channel: UnsubscribeChannel) => t(lang, `channel_${channel}`);

export function unsubscribeConfirmPage(lang: Lang, token: string, channel: UnsubscribeChannel): string {
	const body = `<section class="card">
<h1>${escapeHtml(t(lang, 'unsubscribe_title'))}</h1>
<p>${escapeHtml(t(lang, 'unsubscribe_question', { channel: channelName(lang, channel) }))}</p>
<form method="post" action="unsubscribe" accept-charset="utf-8">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(t(lang, 'unsubscribe_button'))}</button>
</form>
</section>`;
	return page([lang], t(lang, 'unsubscribe_title'), body);
}

export function unsubscribedPage(lang: Lang, channel: UnsubscribeChannel): string {
	return messagePage([lang], 'unsubscribed_title', 'unsubscribed_body', { channel: channelName(lang, channel) });
}
