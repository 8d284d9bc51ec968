import QRCode from "qrcode";

/** The address people open (APP_URL behind a proxy), else the request's own origin. */
export function appUrl(request: Request): string {
  return (process.env.APP_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}

/** The verification link of a signed round and its QR code as an SVG data: URL (printed on every page). */
export async function verificationQr(request: Request, code: string) {
  const url = `${appUrl(request)}/verify?code=${encodeURIComponent(code)}`;
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1, width: 64 });
  return { url, dataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
