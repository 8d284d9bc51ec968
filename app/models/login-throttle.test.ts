import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { loginAttempts, users } from "../../db/schema";
import { atInstant } from "../../tests/pin-clock";
import { db } from "../utils/db.server";
import { hashPassword, verifyPassword } from "../utils/password.server";
import { passwordProblem } from "../utils/password-rules.server";
import { RuleViolation } from "../utils/rules";
import { delayAfter, FREE_FAILURES, loginWait, MAX_DELAY_MS } from "./login-throttle.server";
import { createUser, listUsers, resetPassword, unlockUser, verifyLogin } from "./users.server";

const actor = { userId: null };
let seq = 0;

async function account(password = "a-long-password-1405") {
  const username = `throttled${++seq}`;
  const id = await createUser(actor, { username, role: "member", personId: null, password });
  return { id, username, password };
}

test("31 simultaneous wrong passwords: only the free ones are checked, the rest wait (counted before hashing)", async () => {
  const { username } = await account();
  const results = await Promise.all(
    Array.from({ length: 31 }, (_, i) => verifyLogin(username, `wrong-${i}`, "203.0.113.5")),
  );
  const checked = results.filter((r) => !r.ok && !r.waitMs).length;
  assert.equal(checked, FREE_FAILURES.pair);
  assert.equal(results.filter((r) => !r.ok && r.waitMs).length, 31 - FREE_FAILURES.pair);
  const failures = db.select().from(loginAttempts).where(eq(loginAttempts.username, username)).all();
  assert.equal(failures.length, FREE_FAILURES.pair, "a refused attempt is not even counted");
});

test("delays grow from 1 s, double, and stop at 15 minutes; the right password waits too", async () => {
  assert.deepEqual(
    [4, 5, 6, 7, 20, 40].map((n) => delayAfter(n, 5)),
    [0, 1000, 2000, 4000, MAX_DELAY_MS, MAX_DELAY_MS],
  );
  const { username, password } = await account();
  const start = "2026-12-02T08:00:00.000Z";
  await atInstant(start, async () => {
    for (let i = 0; i < FREE_FAILURES.pair; i++) await verifyLogin(username, "wrong", "203.0.113.6");
    const held = await verifyLogin(username, password, "203.0.113.6");
    assert.ok(!held.ok && held.waitMs && held.waitMs <= 1000);
  });
  // Another address is not held back by this one's failures (only by the account's, after 10).
  await atInstant(start, async () => assert.equal((await verifyLogin(username, password, "198.51.100.7")).ok, true));
  await atInstant("2026-12-02T08:00:02.000Z", async () => {
    const after = await verifyLogin(username, password, "203.0.113.6");
    assert.equal(after.ok, true);
  });
});

test("failures from elsewhere do not keep the owner out of an address they signed in from before", async () => {
  const { username, password } = await account();
  await atInstant("2026-12-03T08:00:00.000Z", async () => {
    assert.equal((await verifyLogin(username, password, "192.0.2.10")).ok, true);
    for (let i = 0; i < 12; i++) await verifyLogin(username, "wrong", `198.51.100.${20 + (i % 3)}`);
    assert.ok(loginWait(username, "198.51.100.99") > 0, "an unknown address waits for the account's failures");
    assert.equal(loginWait(username, "192.0.2.10"), 0, "the owner's own address does not");
  });
});

test("the admin lifts an account's delays; the account's failures are listed until then", async () => {
  const { id, username, password } = await account();
  await atInstant("2026-12-04T08:00:00.000Z", async () => {
    for (let i = 0; i < 11; i++) await verifyLogin(username, "wrong", `203.0.113.${10 + (i % 3)}`);
    assert.equal(listUsers().find((u) => u.id === id)?.failures, FREE_FAILURES.account, "the 11th is not even tried");
    assert.ok(loginWait(username, "203.0.113.9") > 0);
    unlockUser(actor, id);
    assert.equal(listUsers().find((u) => u.id === id)?.failures, 0);
    assert.equal((await verifyLogin(username, password, "203.0.113.10")).ok, true);
  });
});

test("passwords that are common, one repeated character, or built on the username are refused", async () => {
  assert.equal(await passwordProblem("aaaaaaaaaaaa", ["victim"]), "password_repeated");
  assert.equal(await passwordProblem("victimvictim", ["victim"]), "password_personal");
  assert.equal(await passwordProblem("password1234", ["victim"]), "password_common");
  assert.equal(await passwordProblem("qwertyuiop12", ["victim"]), "password_common");
  assert.equal(await passwordProblem("tehran-census-council-1405", ["victim"]), null);
  await assert.rejects(
    createUser(actor, { username: "victim", role: "member", personId: null, password: "victimvictim" }),
    (e) => e instanceof RuleViolation && e.field === "password",
  );
  assert.equal(db.select().from(users).where(eq(users.username, "victim")).get(), undefined);
  const { id } = await account();
  await assert.rejects(resetPassword(actor, id, "aaaaaaaaaaaa"), RuleViolation);
});

test("hashing runs two at a time, and a flood from one address does not hold another address's turn", async () => {
  const stored = await hashPassword("x-long-password-1405");
  const order: string[] = [];
  const flood = Array.from({ length: 8 }, () =>
    verifyPassword("wrong", stored, "flood").then(() => order.push("flood")),
  );
  await new Promise((r) => setTimeout(r, 5));
  const real = verifyPassword("x-long-password-1405", stored, "real").then((ok) => {
    order.push("real");
    return ok;
  });
  assert.equal(await real, true);
  await Promise.all(flood);
  // In turn, the real sign-in starts third (after the two running); queued behind the flood it would finish last
  // (index 8). On a busy machine a flood hash that started after it may still finish first, so allow two of those.
  assert.ok(order.indexOf("real") <= 5, `the real sign-in waited for ${order.indexOf("real")} hashes`);
});
