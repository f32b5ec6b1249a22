import { startDeadline } from '../nodes/ClovaOcr/callDeadline';

/** Timers this process has scheduled and not yet cleared or fired. */
function liveTimers(): number {
	return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

/** Each call's deadline holds one timer, and only while the call runs. */
describe('startDeadline', () => {
	test('its timer is cleared when the call is over, not left scheduled for the whole Timeout', () => {
		const before = liveTimers();
		const calls = Array.from({ length: 100 }, () => startDeadline(600_000, undefined));
		expect(liveTimers() - before).toBe(100);
		for (const call of calls) call.dispose();
		expect(liveTimers() - before).toBe(0);
		expect(calls.map((call) => call.stopReason()).filter(Boolean)).toEqual([]);
	});

	test('a call still running is stopped at its Timeout; a cancel before it wins', async () => {
		const running = startDeadline(50, undefined);
		expect(running.signal.aborted).toBe(false);
		await new Promise((resolve) => running.signal.addEventListener('abort', resolve, { once: true }));
		expect(running.stopReason()).toBe('timeout');
		running.dispose();

		const execution = new AbortController();
		const cancelled = startDeadline(50, execution.signal);
		execution.abort();
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect([cancelled.signal.aborted, cancelled.stopReason()]).toEqual([true, 'cancelled']);
		cancelled.dispose();
	});
});
