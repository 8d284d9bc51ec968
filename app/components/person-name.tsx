import { formatPersonName, type PersonName as Name } from "../utils/person-name";
import { useLang } from "../utils/use-lang";

/** A person's name as the minutes write it: honorific, title, first and last name. */
export function PersonName({ person, withHonorific = true }: { person: Name; withHonorific?: boolean }) {
  const lang = useLang();
  return <>{formatPersonName(person, lang, { withHonorific })}</>;
}
