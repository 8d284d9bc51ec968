import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { type Control, Controller, type FieldValues, type Path } from "react-hook-form";
import { formatPlain, localDigits } from "../../utils/digits";
import {
  addDays,
  formatJalali,
  formatJalaliLong,
  type IsoDate,
  jalaliToIso,
  monthLength,
  monthName,
  parseJalaliInput,
  persianWeekday,
  toJalali,
  weekdayName,
} from "../../utils/jalali";
import { useLang } from "../../utils/use-lang";
import { useT } from "../../utils/use-t";
import { useToday } from "../../utils/use-today";

type Props = {
  name: string;
  label: string;
  /** Initial value: an ISO date or typed text. */
  defaultValue?: string | null;
  /** Controlled value (typed text), for react-hook-form's Controller. */
  value?: string;
  onChange?: (text: string) => void;
  onBlur?: () => void;
  /** A server-side or form error shown under the field. */
  error?: string;
  required?: boolean;
  hint?: string;
};

/** Shows an ISO date as the user would type it, or keeps text as typed. */
function initialText(value: string | null | undefined, lang: "fa" | "en") {
  if (!value) return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatJalali(value, lang) : value;
}

/**
 * A Jalali date input: type the date in any digits (Persian, Arabic-Indic or ASCII: 1404-01-19, 19/1/1404) or pick it from a calendar
 * whose weeks start on Saturday. The calendar is keyboard usable: arrows move by day and week, Page Up/Down by month,
 * Enter picks, Escape closes. The form posts the typed text; the server parses it with the same parser.
 */
export function JalaliDateField({ name, label, defaultValue, value, onChange, onBlur, error, required, hint }: Props) {
  const { t } = useT();
  const lang = useLang();
  const id = useId();
  const [inner, setInner] = useState(() => initialText(defaultValue, lang));
  const text = value ?? inner;
  const [open, setOpen] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const setText = (next: string) => {
    if (value === undefined) setInner(next);
    onChange?.(next);
  };

  const parsed = parseJalaliInput(text);
  const selected = parsed.ok ? parsed.iso : null;

  const checkTyped = () => {
    onBlur?.();
    if (!text.trim()) {
      setLocalError(null);
      return;
    }
    const result = parseJalaliInput(text);
    if (result.ok) {
      setLocalError(null);
      setText(formatJalali(result.iso, lang));
    } else {
      setLocalError(t(`date.errors.${result.error}`));
    }
  };

  const shownError = error ?? localError;
  const describedBy = [`${id}-hint`, shownError ? `${id}-error` : null].filter(Boolean).join(" ");

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="date-field">
        <input
          ref={inputRef}
          id={id}
          name={name}
          value={text}
          inputMode="numeric"
          autoComplete="off"
          placeholder={t("date.placeholder")}
          required={required}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => setText(e.target.value)}
          onBlur={checkTyped}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" && e.altKey) {
              e.preventDefault();
              setOpen(true);
            }
          }}
        />
        <button
          type="button"
          className="button button--small"
          aria-label={t("date.openCalendar")}
          aria-expanded={open}
          aria-controls={`${id}-calendar`}
          onClick={() => setOpen((o) => !o)}
        >
          <CalendarIcon />
        </button>
        {open ? (
          <CalendarPopup
            id={`${id}-calendar`}
            selected={selected}
            onPick={(iso) => {
              setText(formatJalali(iso, lang));
              setLocalError(null);
              setOpen(false);
              inputRef.current?.focus();
            }}
            onClose={() => {
              setOpen(false);
              inputRef.current?.focus();
            }}
          />
        ) : null}
      </div>
      <p className="field__hint" id={`${id}-hint`}>
        {hint ?? t("date.hint")}
      </p>
      {shownError ? (
        <p className="field__error" id={`${id}-error`}>
          {shownError}
        </p>
      ) : null}
    </div>
  );
}

function CalendarIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

function CalendarPopup({
  id,
  selected,
  onPick,
  onClose,
}: {
  id: string;
  selected: IsoDate | null;
  onPick: (iso: IsoDate) => void;
  onClose: () => void;
}) {
  const { t } = useT();
  const lang = useLang();
  const today = useToday();
  const [focused, setFocused] = useState<IsoDate>(selected ?? today);
  const gridRef = useRef<HTMLDivElement>(null);
  const { jy, jm } = toJalali(focused);
  const first = jalaliToIso({ jy, jm, jd: 1 });
  const leading = persianWeekday(first);
  const days = monthLength(jy, jm);

  useEffect(() => {
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-iso="${focused}"]`)?.focus();
  }, [focused]);

  const moveMonth = (delta: number) => {
    const { jd } = toJalali(focused);
    const m = jm - 1 + delta;
    const year = jy + Math.floor(m / 12);
    const month = (((m % 12) + 12) % 12) + 1;
    setFocused(jalaliToIso({ jy: year, jm: month, jd: Math.min(jd, monthLength(year, month)) }));
  };

  const rtl = lang === "fa";
  const onKeyDown = (e: KeyboardEvent) => {
    const step = (days: number) => () => setFocused(addDays(focused, days));
    let move: (() => void) | undefined;
    switch (e.key) {
      case "ArrowRight":
        move = step(rtl ? -1 : 1);
        break;
      case "ArrowLeft":
        move = step(rtl ? 1 : -1);
        break;
      case "ArrowUp":
        move = step(-7);
        break;
      case "ArrowDown":
        move = step(7);
        break;
      case "PageUp":
        move = () => moveMonth(-1);
        break;
      case "PageDown":
        move = () => moveMonth(1);
        break;
      case "Home":
        move = step(-persianWeekday(focused));
        break;
      case "End":
        move = step(6 - persianWeekday(focused));
        break;
      case "Escape":
        move = onClose;
        break;
    }
    if (move) {
      e.preventDefault();
      move();
    }
  };

  return (
    <div className="calendar" id={id} role="dialog" aria-label={t("date.calendar")} onKeyDown={onKeyDown}>
      <div className="calendar__head">
        <button
          type="button"
          className="button button--small"
          onClick={() => moveMonth(-1)}
          aria-label={t("date.previousMonth")}
        >
          <span className="flip-rtl" aria-hidden="true">
            ‹
          </span>
        </button>
        <strong aria-live="polite">
          {monthName(jm, lang)} {formatPlain(jy, lang)}
        </strong>
        <button
          type="button"
          className="button button--small"
          onClick={() => moveMonth(1)}
          aria-label={t("date.nextMonth")}
        >
          <span className="flip-rtl" aria-hidden="true">
            ›
          </span>
        </button>
      </div>
      <div className="calendar__grid" ref={gridRef}>
        {[0, 1, 2, 3, 4, 5, 6].map((w) => (
          <span key={`w${w}`} className="calendar__weekday" aria-hidden="true">
            {weekdayName(w, lang).slice(0, lang === "fa" ? 1 : 2)}
          </span>
        ))}
        {Array.from({ length: leading }, (_, i) => (
          <span key={`blank${i}`} />
        ))}
        {Array.from({ length: days }, (_, i) => {
          const iso = addDays(first, i);
          const classes = ["calendar__day"];
          if (iso === today) classes.push("calendar__day--today");
          if (persianWeekday(iso) === 6) classes.push("calendar__day--off");
          return (
            <button
              key={iso}
              type="button"
              data-iso={iso}
              className={classes.join(" ")}
              aria-pressed={iso === selected}
              aria-label={formatJalaliLong(iso, lang)}
              tabIndex={iso === focused ? 0 : -1}
              onClick={() => onPick(iso)}
            >
              {localDigits(i + 1, lang)}
            </button>
          );
        })}
      </div>
      <div className="calendar__foot">
        <button type="button" className="button button--small" onClick={() => onPick(today)}>
          {t("date.today")}
        </button>
        <button type="button" className="button button--small" onClick={onClose}>
          {t("date.close")}
        </button>
      </div>
    </div>
  );
}

/** The Jalali date field bound to a react-hook-form field (the form keeps the typed text). */
export function JalaliDateController<T extends FieldValues>({
  control,
  name,
  label,
  error,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  error?: string;
}) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field }) => (
        <JalaliDateField
          name={field.name}
          label={label}
          value={String(field.value ?? "")}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={error}
        />
      )}
    />
  );
}
