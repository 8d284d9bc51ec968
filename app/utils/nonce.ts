import { createContext, useContext } from "react";

/** The per-request CSP nonce, set by the server for the inline scripts Remix renders. */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
