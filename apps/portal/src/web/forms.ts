// Reading posted forms and turning the API's problem documents into the NHS error pattern: an error
// summary at the top linking to each field, and the same message beside the field.
import type { Context } from "hono";
import type { ApiAnswer } from "./api.ts";
import { type Html, html } from "./html.ts";

/** The hidden field every form of a signed-in page carries; checked by the web layer (security.ts). */
export const CSRF_FIELD = "_csrf";

export const csrfField = (token: string | null | undefined): Html =>
  token === null || token === undefined
    ? html``
    : html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;

export type FormData = Readonly<Record<string, string | File | ReadonlyArray<string | File>>>;

/** The posted form (urlencoded or multipart); Hono caches it, so reading it twice is free. */
export const readForm = async (c: Context): Promise<FormData> => {
  const type = c.req.header("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/iu.test(type)) return {};
  return (await c.req.parseBody({ all: true })) as FormData;
};

/** A text field's value ("" when absent); the first one when a name was posted twice. */
export const field = (form: FormData, name: string): string => {
  const value = form[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
};

/** Every value posted under a name (checkboxes). */
export const fields = (form: FormData, name: string): ReadonlyArray<string> => {
  const value = form[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter((item): item is string => typeof item === "string");
};

/** A whole number typed into a form, or undefined when blank; anything else stays text for the API to refuse. */
export const numberOrText = (value: string): number | string | undefined => {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return /^-?\d+$/u.test(trimmed) ? Number(trimmed) : trimmed;
};

export interface ErrorItem {
  /** `#id` of the field, or undefined for a problem that is not about one field. */
  readonly href: string | undefined;
  readonly text: string;
}

export interface FormErrors {
  readonly items: ReadonlyArray<ErrorItem>;
  /** Message shown beside each field, by form field name. */
  readonly byField: Readonly<Record<string, string>>;
}

export const noErrors: FormErrors = { items: [], byField: {} };

export const hasErrors = (errors: FormErrors): boolean => errors.items.length > 0;

export interface FieldInfo {
  /** The label as shown, used to make field-relative API messages ("is not right") whole. */
  readonly label: string;
  /** Replaces schema wording ("Expected a value with a length of at least 1") with plain English. */
  readonly message?: string;
  /** The element id to link to, when it differs from the field name. */
  readonly id?: string;
}

/** Plain sentences from the API ("Use at least 8 characters.") are kept as they are. */
const isSentence = (message: string): boolean => /^[A-Z].*[.!?]$/su.test(message.trim());

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Maps a problem document onto form fields. `fieldOf` turns an API field (`body.views.staff`) into a
 * form field name, or undefined to keep it as a summary-only problem. Every problem is listed:
 * nothing the API said is dropped.
 */
export const errorsFromProblem = (
  answer: ApiAnswer,
  info: Readonly<Record<string, FieldInfo>>,
  fieldOf: (apiField: string) => string | undefined = (apiField) =>
    apiField.startsWith("body.") ? apiField.slice("body.".length) : undefined,
): FormErrors => {
  const body = (answer.body ?? {}) as {
    errors?: ReadonlyArray<{ field?: unknown; message?: unknown } | string>;
    reasons?: ReadonlyArray<{ message?: unknown }>;
    detail?: unknown;
    title?: unknown;
  };
  const items: Array<ErrorItem> = [];
  const byField: Record<string, string> = {};
  for (const problem of body.errors ?? []) {
    if (typeof problem === "string") {
      items.push({ href: undefined, text: problem });
      continue;
    }
    const apiField = typeof problem.field === "string" ? problem.field : "";
    const apiMessage = typeof problem.message === "string" ? problem.message : "is not valid";
    const name = fieldOf(apiField);
    const known = name === undefined ? undefined : info[name];
    const text =
      known === undefined
        ? isSentence(apiMessage)
          ? apiMessage
          : `${apiField.replace(/^body\./u, "")}: ${apiMessage}`
        : isSentence(apiMessage)
          ? apiMessage
          : (known.message ?? `${capitalise(known.label)} ${apiMessage}`);
    if (name !== undefined && known !== undefined && byField[name] === undefined) {
      byField[name] = text;
      items.push({ href: `#${known.id ?? name}`, text });
    } else {
      items.push({ href: undefined, text });
    }
  }
  for (const reason of body.reasons ?? []) {
    if (typeof reason.message === "string") items.push({ href: undefined, text: reason.message });
  }
  if (items.length === 0) {
    const detail = typeof body.detail === "string" ? body.detail : undefined;
    const title = typeof body.title === "string" ? body.title : "Something went wrong";
    items.push({ href: undefined, text: detail ?? title });
  }
  return { items, byField };
};

/** One problem the page found itself (before calling the API), e.g. passwords that differ. */
export const singleError = (name: string | undefined, text: string): FormErrors => ({
  items: [{ href: name === undefined ? undefined : `#${name}`, text }],
  byField: name === undefined ? {} : { [name]: text },
});

export const errorSummary = (errors: FormErrors): Html | "" =>
  errors.items.length === 0
    ? ""
    : html`<div class="nhsuk-error-summary" data-module="nhsuk-error-summary">
  <div role="alert">
    <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
    <div class="nhsuk-error-summary__body">
      <ul class="nhsuk-list nhsuk-error-summary__list">
        ${errors.items.map((item) =>
          item.href === undefined
            ? html`<li>${item.text}</li>`
            : html`<li><a href="${item.href}">${item.text}</a></li>`,
        )}
      </ul>
    </div>
  </div>
</div>`;
