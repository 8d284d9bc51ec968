import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { sessionsActionSchema, userActionSchema } from "./accounts";
import { bodyActionSchema, fieldErrors, groupActionSchema } from "./organisation";
import { narrativeOf, reportActionSchema } from "./reports";

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrors>[0] }) =>
  result.success ? {} : fieldErrors(result.error!);

test("a page of several forms parses one schema per intent; an unknown intent is a Persian message, not a crash", () => {
  for (const schema of [
    bodyActionSchema,
    groupActionSchema,
    userActionSchema,
    sessionsActionSchema,
    reportActionSchema,
  ])
    assert.deepEqual(errorsOf(schema.safeParse({ intent: "drop-table" })), { intent: "validation.invalid" });

  assert.deepEqual(bodyActionSchema.parse({ intent: "end-membership", membershipId: "12" }), {
    intent: "end-membership",
    membershipId: 12,
  });
  // The membership form's own rule holds inside the union too.
  assert.deepEqual(
    errorsOf(
      groupActionSchema.safeParse({
        intent: "add-member",
        personId: "3",
        role: "member",
        startDate: "۱۴۰۵/۰۲/۰۱",
        endDate: "۱۴۰۵/۰۱/۰۱",
      }),
    ),
    { endDate: "validation.endBeforeStart" },
  );
  assert.deepEqual(errorsOf(groupActionSchema.safeParse({ intent: "edit-group", name: " " })), {
    name: "validation.required",
  });
  assert.equal(groupActionSchema.parse({ intent: "close-group" }).intent, "close-group");
  // The schemas' own keys pass through untouched, camel case included.
  assert.deepEqual(fieldErrors(new z.ZodError([{ code: "custom", path: ["note"], message: "followUp.errors.note" }])), {
    note: "followUp.errors.note",
  });
});

test("account actions name the account they change; a short password or a bad session id is refused", () => {
  assert.deepEqual(userActionSchema.parse({ intent: "role", userId: "7", role: "chair" }), {
    intent: "role",
    userId: 7,
    role: "chair",
  });
  assert.deepEqual(errorsOf(userActionSchema.safeParse({ intent: "password", userId: "7", password: "short" })), {
    password: "validation.passwordShort",
  });
  assert.equal(userActionSchema.safeParse({ intent: "disable", userId: "-1" }).success, false);
  assert.equal(sessionsActionSchema.safeParse({ intent: "end-session", session: "abc" }).success, false);
  assert.equal(sessionsActionSchema.parse({ intent: "end-session", session: "abcdefabcdef" }).intent, "end-session");
});

test("a report's narrative comes as pairs of committee and note; empty notes are left out, unpaired lists refused", () => {
  const saved = reportActionSchema.parse({
    intent: "save",
    coverText: "متن روکش",
    noteBodyId: ["4", "9"],
    note: ["گزارش کمیته", "  "],
    signerPersonId: "12",
  });
  assert.equal(saved.intent, "save");
  assert.deepEqual(narrativeOf(saved), { coverText: "متن روکش", notes: { "4": "گزارش کمیته" }, signerPersonId: 12 });
  assert.deepEqual(errorsOf(reportActionSchema.safeParse({ intent: "issue", noteBodyId: ["4"], note: [] })), {
    note: "validation.fixErrors",
  });
  assert.deepEqual(errorsOf(reportActionSchema.safeParse({ intent: "save", coverText: "x".repeat(20_001) })), {
    coverText: "validation.tooLong",
  });
});
