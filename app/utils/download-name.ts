/**
 * A `Content-Disposition: attachment` header whose file name says what the document is («صورتجلسه … ۱۴۰۰-۰۲-۲۰.pdf»)
 * in a form Windows and phones keep: no characters a file system refuses (\ / : * ? " < > |), no control characters,
 * at most 150 characters; with a plain ASCII name for the programs that read only that.
 */
export function downloadName(name: string, asciiFallback: string): string {
  const safe =
    name
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f\\/:*?"<>|]/g, " ")
      .replace(/[\u2066-\u2069]/g, "")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 150) || asciiFallback;
  const ascii = asciiFallback.replace(/[^\w.-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
