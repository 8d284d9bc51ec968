import type { UseFormReturn } from "react-hook-form";
import type { MinutesDoc } from "../../schemas/minutes";
import type { OpenConflict } from "../../utils/draft-merge";
import type { OwnerOptions } from "../../utils/owner-match";
import type { QuorumRule } from "../../utils/quorum";

/** What the minutes editor is given, and what its sections share. */
export type EditorProps = {
  meetingId: number;
  number: number;
  bodyName: string;
  status: "draft" | "final" | "correcting";
  edition: number;
  version: number;
  doc: MinutesDoc;
  owners: OwnerOptions;
  /** Whether the editor may create an outside organisation from the paste dialog (the secretariat and admin). */
  canCreateOrganisations: boolean;
  committees: { id: number; name: string }[];
  people: { id: number; name: string }[];
  calendar: { weekendDays: number[]; holidays: string[] };
  /** The body's quorum rule, checked against the attendance as it is marked. */
  quorum: QuorumRule;
  /** The person's conflicts on this draft (a field both they and someone else changed), until they settle each. */
  conflicts: OpenConflict[];
  /** The previous meeting's guests, offered again. */
  previousGuests: { name: string; time: string; organisationId?: number | null }[];
  followUps: {
    id: number;
    number: number;
    meetingNumber: number;
    subject: string;
    status: string;
    dueDate: string | null;
    lastNote: string | null;
    lastPercent: number | null;
  }[];
};

export type Form = UseFormReturn<MinutesDoc>;
export const newKey = () => crypto.randomUUID();

/** The message of a field path (`resolutions.3.subject`) after a refused finalisation. */
export type Err = (path: string) => string | undefined;

export function ErrorText({ message }: { message?: string }) {
  return message ? <p className="field__error">{message}</p> : null;
}
