/**
 * The letterhead every official document prints with (minutes, reports, letters): the HQ's name, an emblem the admin
 * uploads (none by default), and whether «بسمه تعالی» heads the page. Kept in `settings`; the emblem as a data URL,
 * so a printing page needs nothing from outside itself.
 */
import { eq } from "drizzle-orm";
import { settings } from "../../db/schema";
import { db, writeTransaction } from "../utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { detectType } from "./documents.server";

export type Letterhead = { orgName: string; bismillah: boolean; emblem: string | null };

const KEY = "letterhead";
export const DEFAULT_LETTERHEAD: Letterhead = { orgName: "ستاد ملی سرشماری ثبتی مبنا", bismillah: true, emblem: null };
/** An emblem is a small PNG or JPEG. */
export const EMBLEM_MAX_BYTES = 300 * 1024;

export function getLetterhead(): Letterhead {
  const row = db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_LETTERHEAD;
  try {
    const stored = JSON.parse(row.value) as Partial<Letterhead>;
    return {
      orgName: typeof stored.orgName === "string" && stored.orgName ? stored.orgName : DEFAULT_LETTERHEAD.orgName,
      bismillah: stored.bismillah !== false,
      emblem: typeof stored.emblem === "string" && stored.emblem.startsWith("data:image/") ? stored.emblem : null,
    };
  } catch {
    return DEFAULT_LETTERHEAD;
  }
}

export class EmblemRefused extends Error {}

/**
 * Changes the letterhead. `emblem`: new image bytes, `null` to remove it, `undefined` to keep it. The image must be
 * a PNG or JPEG by its bytes and at most EMBLEM_MAX_BYTES.
 */
export function setLetterhead(
  actor: Actor,
  input: { orgName: string; bismillah: boolean; emblem?: { name: string; bytes: Uint8Array } | null },
) {
  const current = getLetterhead();
  let emblem = current.emblem;
  if (input.emblem === null) emblem = null;
  else if (input.emblem) {
    const type = detectType(input.emblem.bytes, input.emblem.name);
    if ((type !== "png" && type !== "jpeg") || input.emblem.bytes.byteLength > EMBLEM_MAX_BYTES)
      throw new EmblemRefused(input.emblem.name);
    emblem = `data:image/${type};base64,${Buffer.from(input.emblem.bytes).toString("base64")}`;
  }
  const value: Letterhead = {
    orgName: input.orgName.trim() || DEFAULT_LETTERHEAD.orgName,
    bismillah: input.bismillah,
    emblem,
  };
  writeTransaction((tx) => {
    tx.insert(settings)
      .values({ key: KEY, value: JSON.stringify(value) })
      .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } })
      .run();
    recordAudit(
      {
        ...actor,
        action: "update",
        entity: "settings",
        after: { letterhead: { orgName: value.orgName, bismillah: value.bismillah, emblem: emblem ? "set" : "none" } },
      },
      tx,
    );
  });
}
