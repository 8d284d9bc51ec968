import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { db } from "../utils/db.server";
import { getDummyHash, verifyPassword } from "../utils/password.server";
import { recordAudit } from "./audit.server";

/** Checks a username and password; returns the user id, or null (and logs the failure). */
export async function verifyLogin(username: string, password: string, ip = ""): Promise<number | null> {
  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.username, username.trim().toLowerCase()))
    .get();
  // An unknown username still costs one scrypt, so response time does not reveal which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  if (!user || !ok || user.disabledAt) {
    recordAudit({ userId: user?.id ?? null, action: "login_failed", entity: "user", entityId: user?.id, ip });
    return null;
  }
  db.update(users).set({ lastLoginAt: new Date().toISOString() }).where(eq(users.id, user.id)).run();
  recordAudit({ userId: user.id, action: "login", entity: "user", entityId: user.id, ip });
  return user.id;
}
