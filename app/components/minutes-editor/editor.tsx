import { useBlocker, useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { MinutesDoc } from "../../schemas/minutes";
import { formatPlain } from "../../utils/digits";
import { formatTimestamp } from "../../utils/jalali";
import { allCandidates } from "../../utils/owner-match";
import { useLang } from "../../utils/use-lang";
import { useT } from "../../utils/use-t";
import { AgendaSection } from "./agenda-section";
import { AttendanceSection } from "./attendance-section";
import { ConflictPanel } from "./conflict-panel";
import { FollowUpSection } from "./follow-up-section";
import { HeaderSection } from "./header-section";
import { NextSection } from "./next-section";
import { ReportsSection } from "./reports-section";
import { ResolutionsSection } from "./resolutions-section";
import type { EditorProps } from "./shared";
import { TextSection } from "./text-section";
import { readBackup, useDraftSaver } from "./use-draft-saver";

/** The minutes editor: fast with the keyboard, saved to the server as you type, never losing what was typed. */
export function MinutesEditor(props: EditorProps) {
  const { t } = useT();
  const lang = useLang();
  const form = useForm<MinutesDoc>({ defaultValues: props.doc });
  const doc = useWatch({ control: form.control }) as MinutesDoc;
  const current = useCallback(() => form.getValues(), [form]);
  // The merged draft goes into the form part by part, so a field being typed in that did not change stays as it is.
  const apply = useCallback(
    (merged: MinutesDoc) => {
      const now = form.getValues();
      for (const key of Object.keys(merged) as (keyof MinutesDoc)[]) {
        if (JSON.stringify(now[key]) !== JSON.stringify(merged[key])) form.setValue(key, merged[key]);
      }
    },
    [form],
  );
  const saver = useDraftSaver({
    meetingId: props.meetingId,
    initialVersion: props.version,
    serverJson: JSON.stringify(props.doc),
    initialConflicts: props.conflicts,
    current,
    apply,
  });
  const [restored, setRestored] = useState<"" | "restored" | "restoredMerged">("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const finaliser = useFetcher<{ errors?: Record<string, string>; message?: string }>();
  const [reason, setReason] = useState("");

  // Text typed but not saved before (a crash, a closed tab, an expired session, a dropped network) comes back from
  // this browser: as it was when nobody saved since, else merged by the server with what was saved meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening the editor
  useEffect(() => {
    const backup = readBackup(props.meetingId);
    if (!backup || JSON.stringify(backup.doc) === JSON.stringify(props.doc)) return;
    if (backup.version === props.version) {
      form.reset(backup.doc, { keepDefaultValues: true });
      setRestored("restored");
    } else {
      void saver.save(backup.doc, { from: backup.version, replace: true }).then((ok) => {
        if (ok) setRestored("restoredMerged");
      });
    }
  }, []);

  const json = JSON.stringify(doc);
  const dirty = saver.isDirty(doc);
  // Every change is copied to this browser at once and saved to the server after a short pause.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the document's text
  useEffect(() => {
    saver.backup(current());
    const blocked = saver.state.kind === "expired";
    if (!dirty || blocked) return;
    const timer = setTimeout(() => void saver.save(current()), 2500);
    return () => clearTimeout(timer);
  }, [json]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (saver.isDirty(current())) {
        e.preventDefault();
        e.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saver, current]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(t("minutes.leaveConfirm"))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saver.save(current());
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saver, current]);

  useEffect(() => {
    if (finaliser.data?.errors) setErrors(finaliser.data.errors);
  }, [finaliser.data]);

  const finalise = async () => {
    if (!window.confirm(t("minutes.finaliseConfirm"))) return;
    if (!(await saver.save(current()))) return;
    finaliser.submit({ intent: "finalise", version: String(saver.version.current), reason }, { method: "post" });
  };

  const err = (path: string) => (errors[path] ? t(errors[path]) : undefined);
  const errorCount = Object.keys(errors).length;
  const candidates = useMemo(() => allCandidates(props.owners), [props.owners]);

  return (
    <form
      className="minutes-editor stack"
      onSubmit={(e) => {
        e.preventDefault();
        void saver.save(current());
      }}
      noValidate
    >
      <SaveBar
        state={saver.state}
        dirty={dirty}
        busy={finaliser.state !== "idle"}
        onFinalise={finalise}
        meetingId={props.meetingId}
        correcting={props.status === "correcting"}
      />
      {restored ? <p className="alert alert--ok">{t(`minutes.${restored}`)}</p> : null}
      <ConflictPanel conflicts={saver.conflicts} form={form} onResolve={(id) => void saver.resolve(id)} />
      {errorCount > 0 || finaliser.data?.message ? (
        <p className="alert alert--error" role="alert">
          {finaliser.data?.message ?? t("minutes.notReady", { count: errorCount })}
        </p>
      ) : null}
      {props.status === "correcting" ? (
        <div className="card field">
          <label htmlFor="reason">{t("minutes.correctionReason")}</label>
          <textarea
            id="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={err("reason") ? true : undefined}
          />
          {err("reason") ? <p className="field__error">{err("reason")}</p> : null}
        </div>
      ) : null}

      <HeaderSection form={form} people={props.people} err={err} />
      <TextSection form={form} />
      <AgendaSection form={form} err={err} />
      <ReportsSection form={form} committees={props.committees} err={err} />
      <ResolutionsSection
        form={form}
        owners={props.owners}
        canCreateOrganisations={props.canCreateOrganisations}
        candidates={candidates}
        calendar={props.calendar}
        err={err}
      />
      <AttendanceSection
        form={form}
        err={err}
        previousGuests={props.previousGuests}
        quorum={props.quorum}
        organisations={props.owners.organisations}
      />
      <NextSection form={form} err={err} />
      <FollowUpSection form={form} rows={props.followUps} err={err} />
      <p className="muted">{t("minutes.shortcuts")}</p>
      <p className="visually-hidden" aria-live="polite">
        {formatPlain(props.number, lang)}
      </p>
    </form>
  );
}

export function SaveBar({
  state,
  dirty,
  busy,
  onFinalise,
  meetingId,
  correcting,
}: {
  state: ReturnType<typeof useDraftSaver>["state"];
  dirty: boolean;
  busy: boolean;
  onFinalise: () => void;
  meetingId: number;
  correcting: boolean;
}) {
  const { t } = useT();
  const lang = useLang();
  return (
    <section className="save-bar" aria-label={t("minutes.save")}>
      <div className="row">
        <button type="submit" className="button" disabled={state.kind === "saving"}>
          {state.kind === "saving" ? t("minutes.saving") : t("minutes.save")}
        </button>
        <button type="button" className="button button--primary" onClick={onFinalise} disabled={busy}>
          {t("minutes.finalise")}
        </button>
        <span className="muted" role="status">
          {state.kind === "saved" && !dirty ? t("minutes.savedAt", { time: formatTimestamp(state.at, lang) }) : null}
          {state.kind === "refreshed" && !dirty ? t("minutes.refreshed") : null}
          {dirty && state.kind !== "saving" ? t("minutes.unsaved") : null}
        </span>
        {correcting ? null : <span className="muted small">{t("minutes.autosave")}</span>}
      </div>
      {state.kind === "expired" ? (
        <div className="alert alert--error" role="alert">
          <p>{t("minutes.expired")}</p>
          <a
            href={`/login?redirectTo=${encodeURIComponent(`/meetings/${meetingId}`)}`}
            target="_blank"
            rel="noreferrer"
            className="button button--small"
          >
            {t("minutes.signInAgain")}
          </a>
        </div>
      ) : null}
      {state.kind === "offline" ? (
        <p className="alert alert--error" role="alert">
          {t("minutes.offline")}
        </p>
      ) : null}
      {state.kind === "error" ? (
        <p className="alert alert--error" role="alert">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}
