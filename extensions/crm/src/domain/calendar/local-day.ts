// Calendar days in a time zone, for daily caps and "today" windows. Pure; Intl only.

/** The UTC offset of `timeZone` at `at`, in milliseconds (Asia/Seoul: +9 h). */
export function zoneOffsetMs(at: Date, timeZone: string): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		})
			.formatToParts(at)
			.map((part) => [part.type, part.value]),
	);
	const wall = Date.UTC(
		Number(parts.year),
		Number(parts.month) - 1,
		Number(parts.day),
		Number(parts.hour),
		Number(parts.minute),
		Number(parts.second),
	);
	return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the local calendar day containing `at` began, and the instant it ends. */
export function localDayBounds(at: Date, timeZone: string): { start: Date; end: Date } {
	const offset = zoneOffsetMs(at, timeZone);
	const wall = at.getTime() + offset;
	const startWall = wall - (((wall % 86_400_000) + 86_400_000) % 86_400_000);
	const start = new Date(startWall - offset);
	return { start, end: new Date(start.getTime() + 86_400_000) };
}
