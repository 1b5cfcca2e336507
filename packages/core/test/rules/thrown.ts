import { SmsError } from '../../src/errors.js';

/** Runs `run` and returns the SmsError it throws; fails the test if it throws nothing or something else. */
export function thrown(run: () => unknown): SmsError {
  try {
    run();
  } catch (error) {
    if (error instanceof SmsError) return error;
    throw error;
  }
  throw new Error('expected an SmsError');
}
