import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import type { DocumentEntity } from "../../db/enums";
import { formatCount } from "../utils/digits";
import { formatTimestamp } from "../utils/jalali";
import { DOCUMENT_LIMITS } from "../utils/limits";
import { useLang } from "../utils/use-lang";
import { useT } from "../utils/use-t";

export type PanelDocument = {
  id: number;
  fileName: string;
  fileType: string;
  size: number;
  createdAt: string;
  uploadedBy: string;
  canRemove: boolean;
  /** The part of the minutes it belongs to (an agenda item, a committee's report), when not the record itself. */
  of?: { kind: "agenda" | "report"; label: string } | null;
};
/** A part of open minutes a document may be attached to («agenda:KEY» / «report:KEY»). */
export type PanelPart = { value: string; kind: "agenda" | "report"; label: string };
type Answer = { ok: boolean; count?: number; errors: { files: string } | null };

/** A size as people read it: کیلوبایت up to a megabyte, then مگابایت with one decimal. */
export function useFileSize() {
  const { t } = useT();
  const lang = useLang();
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? t("documents.kb", { size: formatCount(Math.max(1, Math.round(bytes / 1024)), lang) })
      : t("documents.mb", { size: formatCount(bytes / (1024 * 1024), lang, 1) });
}

/**
 * The documents (مستندات) of one record: listed with name, size, who attached them and when, each a download;
 * removable by whoever may; and, while the record is open, a form to attach more (errors beside the field).
 */
export function DocumentsPanel({
  entity,
  entityId,
  documents,
  canAttach,
  frozen,
  heading = "documents.title",
  headingValues,
  parts = [],
}: {
  entity: DocumentEntity;
  entityId: number;
  documents: PanelDocument[];
  canAttach: boolean;
  /** The record is final or issued: its documents are kept as they are. */
  frozen: boolean;
  heading?: string;
  headingValues?: Record<string, string>;
  /** Parts of the record (open minutes' agenda items and reports) a document may be attached to instead. */
  parts?: PanelPart[];
}) {
  const { t } = useT();
  const lang = useLang();
  const size = useFileSize();
  const upload = useFetcher<Answer>();
  const remove = useFetcher<Answer>();
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const [refused, setRefused] = useState<string | null>(null);
  const error = refused ?? upload.data?.errors?.files ?? remove.data?.errors?.files;

  useEffect(() => {
    if (upload.state === "idle" && upload.data?.ok) form.current?.reset();
  }, [upload.state, upload.data]);

  return (
    <section className="card stack documents" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t(heading, headingValues)}</h2>
      {documents.length === 0 ? (
        <p className="muted">{t("documents.none")}</p>
      ) : (
        <ul className="documents__list">
          {documents.map((d) => (
            <li key={d.id} className="documents__item">
              <a href={`/documents/${d.id}`} download={d.fileName} dir="auto">
                {d.fileName}
              </a>
              {d.of ? (
                <span className="documents__of small" dir="auto">
                  {t(d.of.kind === "agenda" ? "documents.ofAgenda" : "documents.ofReport", { label: d.of.label })}
                </span>
              ) : null}
              <span className="muted small">
                {t("documents.meta", {
                  type: d.fileType.toUpperCase(),
                  size: size(d.size),
                  by: d.uploadedBy || "—",
                  at: formatTimestamp(d.createdAt, lang),
                })}
              </span>
              {d.canRemove && !frozen ? (
                <remove.Form
                  method="post"
                  action={`/documents/${d.id}`}
                  onSubmit={(e) => {
                    if (!window.confirm(t("documents.removeConfirm", { name: d.fileName }))) e.preventDefault();
                  }}
                >
                  <button
                    type="submit"
                    className="button button--small"
                    aria-label={t("documents.removeNamed", { name: d.fileName })}
                  >
                    {t("documents.remove")}
                  </button>
                </remove.Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {frozen ? <p className="muted small">{t("documents.frozen")}</p> : null}
      {canAttach && !frozen ? (
        <upload.Form
          method="post"
          action="/documents"
          encType="multipart/form-data"
          ref={form}
          className="stack"
          onSubmit={(e) => {
            // The limits the server holds, said before a large upload is sent at all.
            const files = [...(e.currentTarget.elements.namedItem("files") as HTMLInputElement).files!];
            const big = files.find((f) => f.size > DOCUMENT_LIMITS.fileBytes);
            const message =
              files.length > DOCUMENT_LIMITS.files
                ? t("documents.errors.tooMany")
                : big
                  ? t("documents.errors.tooLarge", { name: big.name })
                  : files.reduce((n, f) => n + f.size, 0) > DOCUMENT_LIMITS.requestBytes
                    ? t("documents.errors.request")
                    : null;
            setRefused(message);
            if (message) e.preventDefault();
          }}
        >
          <input type="hidden" name="entity" value={entity} />
          <input type="hidden" name="entityId" value={entityId} />
          {parts.length > 0 ? (
            <div className="field">
              <label htmlFor={`${id}-part`}>{t("documents.attachTo")}</label>
              <select id={`${id}-part`} name="part" defaultValue="">
                <option value="">{t("documents.wholeMeeting")}</option>
                {parts.map((p) => (
                  <option key={p.value} value={p.value}>
                    {t(p.kind === "agenda" ? "documents.ofAgenda" : "documents.ofReport", { label: p.label })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-files`}>{t("documents.choose")}</label>
            <input
              id={`${id}-files`}
              type="file"
              name="files"
              multiple
              accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg"
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            />
            <p id={`${id}-hint`} className="muted small">
              {t("documents.hint")}
            </p>
            {error ? (
              <p id={`${id}-error`} className="field__error" role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <div className="row">
            <button type="submit" className="button" disabled={upload.state !== "idle"}>
              {upload.state !== "idle" ? t("documents.uploading") : t("documents.upload")}
            </button>
            <span role="status" className="muted">
              {upload.state === "idle" && upload.data?.ok
                ? t("documents.uploaded", { count: upload.data.count })
                : null}
            </span>
          </div>
        </upload.Form>
      ) : null}
    </section>
  );
}
