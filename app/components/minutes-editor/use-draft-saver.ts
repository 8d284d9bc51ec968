import { useCallback, useEffect, useRef, useState } from "react";
import type { MinutesDoc } from "../../schemas/minutes";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "conflict"; version: number; by: string | null; at: string | null }
  | { kind: "expired"; message: string }
  | { kind: "offline" }
  | { kind: "error"; message: string };

const backupKey = (meetingId: number) => `minutes-draft-${meetingId}`;
type Backup = { version: number; doc: MinutesDoc };

/** The browser's copy of unsaved minutes, kept until the server has them. */
export function readBackup(meetingId: number): Backup | null {
  try {
    return JSON.parse(localStorage.getItem(backupKey(meetingId)) ?? "null") as Backup | null;
  } catch {
    return null;
  }
}

/**
 * Saves minutes drafts to the server: explicit and automatic saves, one at a time, each with its own id so a repeated
 * request is saved once; optimistic locking by version; a copy in localStorage until the server has the text.
 */
export function useDraftSaver(meetingId: number, initialVersion: number, serverJson: string) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const version = useRef(initialVersion);
  const savedJson = useRef(serverJson);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const save = useCallback(
    async (doc: MinutesDoc, opts: { force?: boolean } = {}): Promise<boolean> => {
      // One save at a time: a save asked for while another runs waits for it, then saves the newest text.
      while (inFlight.current) await inFlight.current;
      const json = JSON.stringify(doc);
      if (json === savedJson.current && !opts.force) return true;
      const run = (async () => {
        setState({ kind: "saving" });
        const saveId = crypto.randomUUID();
        const send = () =>
          fetch(`/meetings/${meetingId}/draft`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ doc, version: version.current, saveId }),
            credentials: "same-origin",
          });
        let response: Response;
        try {
          response = await send();
        } catch {
          // The same save (same saveId) is retried once; the server saves it at most once.
          try {
            response = await send();
          } catch {
            setState({ kind: "offline" });
            return false;
          }
        }
        const body = (await response.json().catch(() => ({}))) as {
          ok?: boolean;
          version?: number;
          savedAt: string;
          expired?: boolean;
          message?: string;
          conflict?: { version: number; by: string | null; at: string | null };
        };
        if (response.ok && body.ok && typeof body.version === "number") {
          version.current = body.version;
          savedJson.current = json;
          const backup = readBackup(meetingId);
          if (!backup || JSON.stringify(backup.doc) === json) localStorage.removeItem(backupKey(meetingId));
          setState({ kind: "saved", at: body.savedAt });
          return true;
        }
        if (response.status === 409 && body.conflict) {
          setState({ kind: "conflict", ...body.conflict });
          return false;
        }
        if (response.status === 401) {
          setState({ kind: "expired", message: body.message ?? "" });
          return false;
        }
        setState({ kind: "error", message: body.message ?? response.statusText });
        return false;
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [meetingId],
  );

  /** Saves over a newer version, after the user chose to keep their own text. */
  const overwrite = useCallback(
    (doc: MinutesDoc) => {
      if (state.kind === "conflict") version.current = state.version;
      return save(doc, { force: true });
    },
    [save, state],
  );

  const backup = useCallback(
    (doc: MinutesDoc) => {
      const json = JSON.stringify(doc);
      if (json === savedJson.current) return;
      const copy: Backup = { version: version.current, doc };
      localStorage.setItem(backupKey(meetingId), JSON.stringify(copy));
    },
    [meetingId],
  );

  const isDirty = useCallback((doc: MinutesDoc) => JSON.stringify(doc) !== savedJson.current, []);

  useEffect(() => {
    version.current = initialVersion;
  }, [initialVersion]);

  return { state, save, overwrite, backup, isDirty, version };
}
