/**
 * One layout for every e-mail: right-to-left Persian (or left-to-right English) HTML with inline styles (mail
 * programs drop <style> and never run scripts), and the same words as plain text. Every value is escaped here.
 */
import type { Lang } from "./digits";
import { dirOf } from "./i18n";
import { serverI18n } from "./locale.server";

export type MailContent = {
  subject: string;
  /** The person's name for the greeting; none for a list without one. */
  name?: string;
  paragraphs: string[];
  /** Lines of a list (resolutions, agenda items), each optionally a link into the app. */
  items?: { text: string; href?: string }[];
  /** Titled lists after the paragraphs (a digest's bodies: overdue, due soon). */
  sections?: { title: string; items: { text: string; href?: string }[] }[];
  /** Paragraphs after the lists (what is attached, what to do next). */
  after?: string[];
  /** The page the mail is about, and the words of its button (default «باز کردن در سامانه»). */
  link?: string;
  linkLabel?: string;
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The address people open the app at (APP_URL), for links in mail. */
export function appUrl(path = "/"): string {
  const base = (process.env.APP_URL || `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
  return `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

const itemText = (i: { text: string; href?: string }) => `- ${i.text}${i.href ? `\n  ${appUrl(i.href)}` : ""}`;

function listHtml(items: { text: string; href?: string }[], align: string) {
  if (items.length === 0) return "";
  return `<ul style="margin:0 0 12px;padding-${align}:20px">${items
    .map(
      (i) =>
        `<li style="margin-bottom:6px">${
          i.href
            ? `<a href="${escapeHtml(appUrl(i.href))}" style="color:#1b4f9c">${escapeHtml(i.text)}</a>`
            : escapeHtml(i.text)
        }</li>`,
    )
    .join("")}</ul>`;
}

/** The HTML and text parts of a mail in the reader's language. */
export function renderMail(lang: Lang, content: MailContent): { subject: string; html: string; text: string } {
  const t = serverI18n(lang).t;
  const dir = dirOf(lang);
  const align = dir === "rtl" ? "right" : "left";
  const greeting = content.name ? t("mail.greeting", { name: content.name }) : "";
  const link = content.link ? appUrl(content.link) : "";
  const linkLabel = content.linkLabel ?? t("mail.openPage");
  const html = [
    `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body dir="${dir}" style="margin:0;padding:16px;background:#f5f6f8;font-family:Vazirmatn,Tahoma,Arial,sans-serif;direction:${dir};text-align:${align};color:#1d2433;line-height:1.8">`,
    `<div style="max-width:640px;margin:0 auto;background:#fff;border-radius:8px;padding:20px;border:1px solid #dde1e8">`,
    greeting ? `<p style="margin:0 0 12px">${escapeHtml(greeting)}</p>` : "",
    ...content.paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`),
    listHtml(content.items ?? [], align),
    ...(content.sections ?? []).map(
      (s) => `<h2 style="margin:16px 0 8px;font-size:16px">${escapeHtml(s.title)}</h2>${listHtml(s.items, align)}`,
    ),
    ...(content.after ?? []).map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`),
    link
      ? `<p style="margin:16px 0"><a href="${escapeHtml(link)}" style="display:inline-block;background:#1b4f9c;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${escapeHtml(linkLabel)}</a></p>`
      : "",
    `<p style="margin:16px 0 0;font-size:12px;color:#5b6475">${escapeHtml(t("mail.footer"))}</p>`,
    "</div></body></html>",
  ].join("");
  const text = [
    greeting,
    ...content.paragraphs,
    ...(content.items ?? []).map(itemText),
    ...(content.sections ?? []).flatMap((s) => [`## ${s.title}`, ...s.items.map(itemText)]),
    ...(content.after ?? []),
    link ? `${linkLabel}: ${link}` : "",
    "--",
    t("mail.footer"),
  ]
    .filter(Boolean)
    .join("\n\n");
  return { subject: content.subject, html, text };
}
