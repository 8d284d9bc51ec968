import { Fragment } from "react";
import { formatPersonName, type PersonName as Name, namesForReader } from "../utils/person-name";
import { useLang } from "../utils/use-lang";

/** A person's name as the minutes write it: honorific, title, first and last name. */
export function PersonName({ person, withHonorific = true }: { person: Name; withHonorific?: boolean }) {
  const lang = useLang();
  return <>{formatPersonName(person, lang, { withHonorific })}</>;
}

/**
 * Owners or people written by the models, joined with « / », each in its own `<bdi>` so a Persian name and the
 * English honorific before it keep their order on an English page (and a Latin name on a Persian one).
 */
export function NameList({ names }: { names: string[] }) {
  const lang = useLang();
  return (
    <span>
      {names.map((name, i) => (
        <Fragment key={i}>
          {i > 0 ? " / " : null}
          <bdi>{namesForReader(name, lang)}</bdi>
        </Fragment>
      ))}
    </span>
  );
}
