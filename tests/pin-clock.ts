/**
 * Unit tests run with NODE_ENV=test, so they may pin the app's clock (app/utils/clock.server.ts) to an instant of
 * their choosing; it runs on from there. Runs `fn` (which may be async) at that instant and puts the clock back.
 */
export function atInstant<T>(instant: string, fn: () => T): T {
  const before = process.env.TEST_CLOCK;
  const restore = () => {
    if (before === undefined) delete process.env.TEST_CLOCK;
    else process.env.TEST_CLOCK = before;
  };
  process.env.TEST_CLOCK = instant;
  let result: T;
  try {
    result = fn();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}
