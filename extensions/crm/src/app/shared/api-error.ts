// The message to show for a failed API call: Directus's error shape first, else the exception's own message.
export function apiErrorMessage(error: unknown): string {
	const message =
		(error as { response?: { data?: { errors?: { message?: string }[] } } })?.response?.data?.errors?.[0]?.message ??
		(error as Error)?.message;
	return message || String(error);
}
