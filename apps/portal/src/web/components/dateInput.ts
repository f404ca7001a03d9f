// The NHS date pattern: day, month and year boxes, joined into an ISO date for the API (which
// refuses impossible dates with the field named).
import { type FormData, field } from "../forms.ts";
import { type Html, html } from "../html.ts";

export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export const dateParts = (iso: string | null | undefined): DateParts => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso ?? "");
  return match === null
    ? { day: "", month: "", year: "" }
    : { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] as string };
};

export const postedDate = (form: FormData, name: string): DateParts => ({
  day: field(form, `${name}-day`).trim(),
  month: field(form, `${name}-month`).trim(),
  year: field(form, `${name}-year`).trim(),
});

/** "2021-09-30" from the boxes; whatever was typed otherwise, so the API names the mistake. */
export const isoDate = (parts: DateParts): string => {
  if (/^\d{1,2}$/u.test(parts.day) && /^\d{1,2}$/u.test(parts.month) && /^\d{4}$/u.test(parts.year))
    return `${parts.year}-${parts.month.padStart(2, "0")}-${parts.day.padStart(2, "0")}`;
  return [parts.year, parts.month, parts.day].filter((part) => part !== "").join("-");
};

export const dateInput = (options: {
  readonly name: string;
  readonly legend: string;
  readonly hint: string;
  readonly value: DateParts;
  readonly error?: string | undefined;
}): Html => {
  const { name, error } = options;
  const box = (part: "day" | "month" | "year", label: string, width: 2 | 4) =>
    html`<div class="nhsuk-date-input__item"><div class="nhsuk-form-group">
    <label class="nhsuk-label nhsuk-date-input__label" for="${name}-${part}">${label}</label>
    <input class="nhsuk-input nhsuk-input--width-${width} nhsuk-date-input__input${error === undefined ? "" : " nhsuk-input--error"}" id="${name}-${part}" name="${name}-${part}" type="text" inputmode="numeric" value="${options.value[part]}">
  </div></div>`;
  return html`<div class="nhsuk-form-group${error === undefined ? "" : " nhsuk-form-group--error"}">
  <fieldset class="nhsuk-fieldset" role="group" aria-describedby="${name}-hint${error === undefined ? "" : ` ${name}-error`}">
    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">${options.legend}</legend>
    <div class="nhsuk-hint" id="${name}-hint">${options.hint}</div>
    ${error === undefined ? "" : html`<span class="nhsuk-error-message" id="${name}-error"><span class="nhsuk-u-visually-hidden">Error: </span>${error}</span>`}
    <div class="nhsuk-date-input" id="${name}">
      ${box("day", "Day", 2)}${box("month", "Month", 2)}${box("year", "Year", 4)}
    </div>
  </fieldset>
</div>`;
};
