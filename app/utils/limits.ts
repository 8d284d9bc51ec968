/** The caps of resolution ۵ of the reference minutes; the database triggers hold the same numbers. */
export const MAX_GROUPS_PER_COMMITTEE = 4;
export const MAX_MEMBERS_PER_GROUP = 7;

/** Documents (مستندات): a file, the files of one upload, and what one request may carry. */
export const DOCUMENT_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  /** A Word or Excel file unpacked (its parts' sizes together): past this it is a zip bomb, not minutes. */
  unpackedBytes: 100 * 1024 * 1024,
  files: 10,
  requestBytes: 60 * 1024 * 1024,
} as const;

/** Search: the longest query accepted, in characters, and the most results shown of each kind. */
export const MAX_QUERY_LENGTH = 100;
export const RESULTS_PER_KIND = 20;
/** Search hits per kind on the overview; each kind's own pages show RESULTS_PER_KIND. */
export const OVERVIEW_PER_KIND = 5;
/** The last page of one kind's hits one may ask for (hits past it are better found with another word). */
export const MAX_SEARCH_PAGE = 50;
/** What the search finds, in the order of its overview (kept here so the search page's form can offer them). */
export const SEARCH_KINDS = [
  "resolution",
  "meeting",
  "follow_up",
  "data_set",
  "person",
  "organisation",
  "document",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
