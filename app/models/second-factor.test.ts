import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { sessions, users } from "../../db/schema";
import { atInstant } from "../../tests/pin-clock";
import * as clock from "../utils/clock.server";
import { db } from "../utils/db.server";
import { createUserSession } from "../utils/session.server";
import {
  confirmSetup,
  disableOwnSecondFactor,
  isSecondFactorRequired,
  resetSecondFactor,
  setSecondFactorEnforced,
  setupSecret,
  verifySecondFactor,
} from "./second-factor.server";
import { createUser } from "./users.server";

let seq = 0;
async function person(role: "member" | "secretariat" = "member") {
  const username = `otp${++seq}`;
  const userId = await createUser(
    { userId: null },
    { username, role, personId: null, password: "census-second-factor-1405" },
  );
  return { userId, username, actor: { userId, ip: "203.0.113.40" } };
}

const codeAt = (secret: string, ms = clock.nowMs()) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });

test("set up with a code from the QR's secret; ten recovery codes, each accepted once; a code is not accepted twice", async () => {
  const { userId, actor } = await person();
  const { secret, uri, svg } = await setupSecret(userId);
  assert.match(uri, /^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
  assert.match(svg, /^<svg/);
  assert.equal((await setupSecret(userId)).secret, secret, "a reload shows the same secret");
  assert.equal(confirmSetup(actor, "000000"), null, "a wrong code sets nothing up");

  await atInstant("2026-12-02T09:00:00.000Z", () => {
    const codes = confirmSetup(actor, codeAt(secret));
    assert.equal(codes?.length, 10);
    assert.equal(new Set(codes).size, 10);
    // The code that confirmed the set-up cannot sign in as well (it is the same step).
    assert.equal(verifySecondFactor(userId, codeAt(secret)).ok, false);
    const codesList = codes as string[];
    assert.deepEqual(verifySecondFactor(userId, codesList[0]), { ok: true, by: "recovery" });
    assert.equal(verifySecondFactor(userId, codesList[0]).ok, false, "a recovery code is used once");
  });
  await atInstant("2026-12-02T09:00:31.000Z", () => {
    // Persian digits, as a phone keyboard may type them.
    const persian = codeAt(secret).replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]);
    assert.deepEqual(verifySecondFactor(userId, persian), { ok: true, by: "code" });
    assert.equal(verifySecondFactor(userId, codeAt(secret)).ok, false, "the same code again is refused");
  });
  const stored = db.select().from(users).where(eq(users.id, userId)).get();
  assert.equal(stored?.totpPendingSecret, null);
});

test("wrong codes are throttled like passwords", async () => {
  const { userId, actor } = await person();
  const { secret } = await setupSecret(userId);
  await atInstant("2026-12-02T10:00:00.000Z", () => {
    confirmSetup(actor, codeAt(secret));
    for (let i = 0; i < 5; i++) assert.equal(verifySecondFactor(userId, "123456", "203.0.113.41").ok, false);
    const held = verifySecondFactor(userId, codeAt(secret, clock.nowMs() + 30_000), "203.0.113.41");
    assert.ok(!held.ok && held.waitMs && held.waitMs > 0);
  });
});

test("required of the secretariat while the setting is on; the admin's reset clears it and ends the sessions", async () => {
  const { userId, actor } = await person("secretariat");
  setSecondFactorEnforced({ userId: null }, true);
  assert.equal(isSecondFactorRequired("secretariat"), true);
  assert.equal(isSecondFactorRequired("member"), false);
  const { secret } = await setupSecret(userId);
  await atInstant("2026-12-02T11:00:00.000Z", () => confirmSetup(actor, codeAt(secret)));
  await atInstant("2026-12-02T11:00:31.000Z", () =>
    assert.equal(disableOwnSecondFactor(actor, "secretariat", codeAt(secret)), false, "not while required"),
  );
  await createUserSession(new Request("http://localhost/login"), userId);
  resetSecondFactor({ userId: null }, userId);
  assert.equal(db.select().from(users).where(eq(users.id, userId)).get()?.totpSecret, null);
  assert.equal(db.select().from(sessions).where(eq(sessions.userId, userId)).all().length, 0);
  setSecondFactorEnforced({ userId: null }, false);
  assert.equal(isSecondFactorRequired("secretariat"), false);
});
