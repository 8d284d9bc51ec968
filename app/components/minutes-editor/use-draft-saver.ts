import { useCallback, useEffect, useRef, useState } from "react";
import type { MinutesDoc } from "../../schemas/minutes";
import { mergeDrafts, type OpenConflict } from "../../utils/draft-merge";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  /** Someone else's save was brought into the form while nothing here was unsaved. */
  | { kind: "refreshed" }
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

/** While the network is down, a save is tried again this often (and at once when the browser says it is back). */
const RETRY_MS = 4000;
/** How often an editor with nothing unsaved looks for someone else's newer save (and when the tab comes back). */
const REFRESH_MS = 10_000;

type SaveBody = {
  ok?: boolean;
  version?: number;
  savedAt: string;
  doc?: MinutesDoc;
  conflicts?: OpenConflict[];
  expired?: boolean;
  message?: string;
};

/**
 * Saves minutes drafts to the server: explicit and automatic saves, one at a time, each with its own id so a repeated
 * request is saved once; a copy in localStorage until the server has the text; queued while the network is down.
 *
 * Each save carries the version it started from. When someone else saved since, the server merges and sends the
 * merged draft back; it is merged here too with what was typed while the save was on its way (`current`), and put
 * into the form (`apply`). The person's conflicts (a field both changed) come back with every save until resolved.
 */
export function useDraftSaver(opts: {
  meetingId: number;
  initialVersion: number;
  serverJson: string;
  initialConflicts: OpenConflict[];
  current: () => MinutesDoc;
  apply: (doc: MinutesDoc) => void;
}) {
  const { meetingId, current, apply } = opts;
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [conflicts, setConflicts] = useState<OpenConflict[]>(opts.initialConflicts);
  const version = useRef(opts.initialVersion);
  const savedJson = useRef(opts.serverJson);
  const resolved = useRef(new Set<number>());
  const inFlight = useRef<Promise<boolean> | null>(null);

  /** The browser's copy: dropped once the server has what the form holds, else rewritten on the current version. */
  const backup = useCallback(
    (doc: MinutesDoc) => {
      const json = JSON.stringify(doc);
      if (json === savedJson.current) localStorage.removeItem(backupKey(meetingId));
      else localStorage.setItem(backupKey(meetingId), JSON.stringify({ version: version.current, doc } as Backup));
    },
    [meetingId],
  );

  const save = useCallback(
    async (doc: MinutesDoc, o: { force?: boolean; from?: number; replace?: boolean } = {}): Promise<boolean> => {
      // One save at a time: a save asked for while another runs waits for it, then saves the newest text.
      while (inFlight.current) await inFlight.current;
      const json = JSON.stringify(doc);
      if (json === savedJson.current && !o.force && resolved.current.size === 0) return true;
      const run = (async () => {
        setState({ kind: "saving" });
        const saveId = crypto.randomUUID();
        const settled = [...resolved.current];
        const send = () =>
          fetch(`/meetings/${meetingId}/draft`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ doc, version: o.from ?? version.current, saveId, resolved: settled }),
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
        const body = (await response.json().catch(() => ({}))) as SaveBody;
        if (response.ok && body.ok && typeof body.version === "number") {
          for (const id of settled) resolved.current.delete(id);
          setConflicts(body.conflicts ?? []);
          if (!body.doc) {
            version.current = body.version;
            savedJson.current = json;
          } else if (o.replace) {
            version.current = body.version;
            savedJson.current = JSON.stringify(body.doc);
            apply(body.doc);
          } else {
            // Someone else's changes came back: merge them with what was typed meanwhile. When that typing touched
            // the same field, keep it and stay on the old version, so the next save is merged (and kept) by the server.
            savedJson.current = JSON.stringify(body.doc);
            const rebased = mergeDrafts(doc, current(), body.doc);
            if (rebased.conflicts.length === 0) {
              version.current = body.version;
              apply(rebased.doc);
            }
          }
          backup(current());
          setState({ kind: "saved", at: body.savedAt });
          return true;
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
    [meetingId, current, apply, backup],
  );

  // A save that could not reach the server is tried again until it does.
  useEffect(() => {
    if (state.kind !== "offline") return;
    const retry = () => void save(current());
    window.addEventListener("online", retry);
    const timer = setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      clearInterval(timer);
    };
  }, [state.kind, save, current]);

  // With nothing unsaved here, someone else's newer save comes into the form by itself; with unsaved text, the next
  // save merges it instead.
  useEffect(() => {
    const refresh = async () => {
      if (inFlight.current || document.visibilityState === "hidden") return;
      if (JSON.stringify(current()) !== savedJson.current) return;
      const asked = version.current;
      const response = await fetch(`/meetings/${meetingId}/draft?since=${asked}`, { credentials: "same-origin" }).catch(
        () => null,
      );
      const body = response?.ok
        ? ((await response.json().catch(() => null)) as { version: number; doc: MinutesDoc | null } | null)
        : null;
      if (!body?.doc || body.version <= asked || version.current !== asked || inFlight.current) return;
      if (JSON.stringify(current()) !== savedJson.current) return;
      // The follow-up section lists every open resolution; a draft saved before one was opened may lack its entry.
      const remote = new Map(body.doc.followUps.map((f) => [f.resolutionId, f]));
      const doc = {
        ...body.doc,
        followUps: current().followUps.map(
          (f) => remote.get(f.resolutionId) ?? { ...f, status: "", percent: "", note: "", newDueDate: "" },
        ),
      } as MinutesDoc;
      version.current = body.version;
      savedJson.current = JSON.stringify(doc);
      apply(doc);
      setState({ kind: "refreshed" });
    };
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    const onVisible = () => void refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [meetingId, current, apply]);

  /** Settles a conflict with the text the person picked or combined; the next save tells the server. */
  const resolve = useCallback(
    (id: number) => {
      resolved.current.add(id);
      setConflicts((list) => list.filter((c) => c.id !== id));
      return save(current(), { force: true });
    },
    [save, current],
  );

  const isDirty = useCallback((doc: MinutesDoc) => JSON.stringify(doc) !== savedJson.current, []);

  useEffect(() => {
    version.current = opts.initialVersion;
  }, [opts.initialVersion]);

  return { state, save, backup, isDirty, version, conflicts, resolve };
}
