import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { isTestEnvironment } from "./clock.server";

// scrypt with N = 2^17, r = 8, p = 1 (OWASP's recommendation); it needs 128 MiB, above Node's default maxmem, and
// 0.3–2 s of one core here. Test processes (NODE_ENV=test, as for the pinned clock) use N = 2^14: an end-to-end
// journey signs in a dozen times on two busy cores, and at full cost a single one took over 30 s. The cost is
// stored in each hash, so either verifies anywhere, and a weaker hash is redone at its next sign-in.
const N = isTestEnvironment() ? 2 ** 14 : 2 ** 17;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 256 * 1024 * 1024;

/**
 * At most SCRYPT_CONCURRENCY hashes run at once (each holds 128 MiB and a core); the others wait in one queue per
 * lane (the client's address), served in turn, so a flood of attempts from one address delays another address's
 * sign-in by at most one hash per slot instead of the whole flood.
 */
const CONCURRENCY = Math.max(1, Number(process.env.SCRYPT_CONCURRENCY ?? 2));
let running = 0;
const lanes = new Map<string, (() => void)[]>();

function release() {
  const next = lanes.entries().next();
  if (next.done) {
    running--;
    return;
  }
  const [lane, waiting] = next.value;
  const start = waiting.shift();
  // The lane goes to the back of the rotation (a Map keeps insertion order), or away when it is empty.
  lanes.delete(lane);
  if (waiting.length > 0) lanes.set(lane, waiting);
  start?.();
}

async function inTurn<T>(lane: string, fn: () => Promise<T>): Promise<T> {
  if (running < CONCURRENCY) running++;
  else await new Promise<void>((resolve) => lanes.set(lane, [...(lanes.get(lane) ?? []), resolve]));
  try {
    return await fn();
  } finally {
    release();
  }
}

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number, lane = ""): Promise<Buffer> {
  return inTurn(
    lane,
    () =>
      new Promise((resolve, reject) =>
        scryptCallback(password.normalize("NFC"), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEM }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64), off the main thread. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return ["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Checks a password against a stored hash in constant time; `lane` is whose turn it waits for (their address). */
export async function verifyPassword(password: string, stored: string, lane = ""): Promise<boolean> {
  const [algorithm, n, r, p, salt, hash] = stored.split("$");
  if (algorithm !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await scrypt(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p), lane);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when a stored hash was made at a lower cost than today's, so it should be made again. */
export function needsRehash(stored: string): boolean {
  return Number(stored.split("$")[1]) < N;
}

/** A hash of a random password, compared against when the username is unknown so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}
