/** A mistake in how the command was called: exit code 2 and a message that says what to type instead. */
export class UsageError extends Error {}
