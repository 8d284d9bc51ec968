import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address, as the Express server saw it. */
    ip?: string;
    /** The per-request CSP nonce. */
    nonce?: string;
  }
}

export function clientIp(context: AppLoadContext | undefined): string {
  return context?.ip ?? "";
}
