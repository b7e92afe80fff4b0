/** A mistake in how the command was called: exit status 2. Its own module so that reporting
 *  one loads nothing of the build. */
export class UsageError extends Error {}
