/** The child process runLoggedSync starts: runs one LoggedCommand (JSON in argv[2]) and exits with its code. */
import type { LoggedCommand } from './progress';
import { runLogged } from './progress';

runLogged(JSON.parse(process.argv[2]) as LoggedCommand).then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	},
);
