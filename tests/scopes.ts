import { scopeFor } from "../app/models/access.server";

/** Reads everything, as the secretariat does: for tests and the seed, which work on rows of every body. */
export const STAFF = scopeFor({ id: 0, role: "secretariat", personId: null });
/** A signed-in account with no person and no seats. */
export const NOBODY = scopeFor({ id: 0, role: "member", personId: null });
