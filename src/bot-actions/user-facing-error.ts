/**
 * An error the user can fix, with a message that says how ("No article
 * matches …; pick one from the suggestions"). It is shown to the user
 * (ephemerally on Discord) and not logged as a bug. Any other error is a bug:
 * logged, and the user sees a short apology.
 *
 * @example throw new UserFacingError('Your question is empty. Ask something like: /ask who was targeted');
 */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
