// Form fields in the NHS.UK design system's markup, each showing its error message and linking it
// with aria-describedby so screen readers announce hint and error with the field.
import { type Html, html } from "../html.ts";

interface Common {
  readonly name: string;
  /** Defaults to the name. */
  readonly id?: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | undefined;
  /** Show the label as the page's h1 (single-question pages). */
  readonly pageHeading?: boolean;
  readonly labelClass?: string;
}

interface Described {
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

const describedBy = (id: string, options: Described, extra: ReadonlyArray<string> = []) => {
  const ids = [
    ...(options.hint === undefined ? [] : [`${id}-hint`]),
    ...(options.error === undefined ? [] : [`${id}-error`]),
    ...extra,
  ];
  return ids.length === 0 ? "" : html` aria-describedby="${ids.join(" ")}"`;
};

const groupClass = (options: Described, extra = "") =>
  `nhsuk-form-group${options.error === undefined ? "" : " nhsuk-form-group--error"}${extra}`;

const label = (id: string, options: Common): Html => {
  const inner = html`<label class="nhsuk-label${options.pageHeading ? " nhsuk-label--l" : ""}${options.labelClass === undefined ? "" : ` ${options.labelClass}`}" for="${id}">${options.label}</label>`;
  return options.pageHeading ? html`<h1 class="nhsuk-label-wrapper">${inner}</h1>` : inner;
};

const hintAndError = (id: string, options: Described): Html =>
  html`${options.hint === undefined ? "" : html`<div class="nhsuk-hint" id="${id}-hint">${options.hint}</div>`}${
    options.error === undefined
      ? ""
      : html`<span class="nhsuk-error-message" id="${id}-error"><span class="nhsuk-u-visually-hidden">Error: </span>${options.error}</span>`
  }`;

export interface InputOptions extends Common {
  readonly value?: string | number | undefined;
  readonly type?: "text" | "email" | "number" | "date" | "url";
  readonly autocomplete?: string;
  readonly width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  readonly inputmode?: "numeric" | "text" | "email";
  readonly spellcheck?: boolean;
}

export const textInput = (options: InputOptions): Html => {
  const id = options.id ?? options.name;
  const classes = `nhsuk-input${options.error === undefined ? "" : " nhsuk-input--error"}${options.width === undefined ? "" : ` nhsuk-input--width-${options.width}`}`;
  return html`<div class="${groupClass(options)}">
  ${label(id, options)}
  ${hintAndError(id, options)}
  <input class="${classes}" id="${id}" name="${options.name}" type="${options.type ?? "text"}" value="${options.value ?? ""}"${describedBy(id, options)}${options.autocomplete === undefined ? "" : html` autocomplete="${options.autocomplete}"`}${options.inputmode === undefined ? "" : html` inputmode="${options.inputmode}"`}${options.spellcheck === false ? html` spellcheck="false"` : ""}>
</div>`;
};

export const passwordInput = (
  options: Common & { readonly autocomplete: "current-password" | "new-password" },
): Html => {
  const id = options.id ?? options.name;
  return html`<div class="${groupClass(options, " nhsuk-password-input")}" data-module="nhsuk-password-input">
  ${label(id, options)}
  ${hintAndError(id, options)}
  <div class="nhsuk-input-wrapper">
    <input class="nhsuk-input nhsuk-password-input__input nhsuk-js-password-input-input${options.error === undefined ? "" : " nhsuk-input--error"}" id="${id}" name="${options.name}" type="password" spellcheck="false" autocomplete="${options.autocomplete}" autocapitalize="none"${describedBy(id, options)}>
    <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-password-input__toggle nhsuk-js-password-input-toggle" data-module="nhsuk-button" type="button" aria-label="Show password" aria-controls="${id}" hidden>Show</button>
  </div>
</div>`;
};

export const textarea = (
  options: Common & {
    readonly value?: string;
    readonly rows?: number;
    readonly maxLength?: number;
  },
): Html => {
  const id = options.id ?? options.name;
  return html`<div class="${groupClass(options)}">
  ${label(id, options)}
  ${hintAndError(id, options)}
  <textarea class="nhsuk-textarea${options.error === undefined ? "" : " nhsuk-textarea--error"}" id="${id}" name="${options.name}" rows="${options.rows ?? 4}"${options.maxLength === undefined ? "" : html` maxlength="${options.maxLength}"`}${describedBy(id, options)}>${options.value ?? ""}</textarea>
</div>`;
};

export interface Choice {
  readonly value: string;
  readonly text: string | Html;
  readonly hint?: string;
}

interface ChoiceGroup extends Omit<Common, "label"> {
  readonly legend: string;
  readonly legendClass?: string;
  readonly choices: ReadonlyArray<Choice>;
  readonly inline?: boolean;
  readonly small?: boolean;
}

const fieldset = (
  id: string,
  options: ChoiceGroup,
  inner: Html,
): Html => html`<div class="${groupClass(options)}">
  <fieldset class="nhsuk-fieldset"${describedBy(id, options)}>
    <legend class="nhsuk-fieldset__legend${options.pageHeading ? " nhsuk-fieldset__legend--l" : options.legendClass === undefined ? " nhsuk-fieldset__legend--s" : ` ${options.legendClass}`}">${
      options.pageHeading
        ? html`<h1 class="nhsuk-fieldset__heading">${options.legend}</h1>`
        : options.legend
    }</legend>
    ${hintAndError(id, options)}
    ${inner}
  </fieldset>
</div>`;

export const radios = (options: ChoiceGroup & { readonly value?: string | undefined }): Html => {
  const id = options.id ?? options.name;
  return fieldset(
    id,
    options,
    html`<div class="nhsuk-radios${options.inline ? " nhsuk-radios--inline" : ""}${options.small ? " nhsuk-radios--small" : ""}" data-module="nhsuk-radios">
      ${options.choices.map((choice, index) => {
        const choiceId = index === 0 ? id : `${id}-${index + 1}`;
        return html`<div class="nhsuk-radios__item">
        <input class="nhsuk-radios__input" id="${choiceId}" name="${options.name}" type="radio" value="${choice.value}"${choice.value === options.value ? " checked" : ""}${choice.hint === undefined ? "" : html` aria-describedby="${choiceId}-item-hint"`}>
        <label class="nhsuk-label nhsuk-radios__label" for="${choiceId}">${choice.text}</label>
        ${choice.hint === undefined ? "" : html`<div class="nhsuk-hint nhsuk-radios__hint" id="${choiceId}-item-hint">${choice.hint}</div>`}
      </div>`;
      })}
    </div>`,
  );
};

export const checkboxes = (
  options: ChoiceGroup & { readonly values?: ReadonlyArray<string> },
): Html => {
  const id = options.id ?? options.name;
  const checked = new Set(options.values ?? []);
  return fieldset(
    id,
    options,
    html`<div class="nhsuk-checkboxes${options.small ? " nhsuk-checkboxes--small" : ""}" data-module="nhsuk-checkboxes">
      ${options.choices.map((choice, index) => {
        const choiceId = index === 0 ? id : `${id}-${index + 1}`;
        return html`<div class="nhsuk-checkboxes__item">
        <input class="nhsuk-checkboxes__input" id="${choiceId}" name="${options.name}" type="checkbox" value="${choice.value}"${checked.has(choice.value) ? " checked" : ""}>
        <label class="nhsuk-label nhsuk-checkboxes__label" for="${choiceId}">${choice.text}</label>
      </div>`;
      })}
    </div>`,
  );
};

export const select = (
  options: Common & {
    readonly value?: string | undefined;
    readonly choices: ReadonlyArray<{ readonly value: string; readonly text: string }>;
  },
): Html => {
  const id = options.id ?? options.name;
  return html`<div class="${groupClass(options)}">
  ${label(id, options)}
  ${hintAndError(id, options)}
  <select class="nhsuk-select${options.error === undefined ? "" : " nhsuk-select--error"}" id="${id}" name="${options.name}"${describedBy(id, options)}>
    ${options.choices.map(
      (choice) =>
        html`<option value="${choice.value}"${choice.value === options.value ? " selected" : ""}>${choice.text}</option>`,
    )}
  </select>
</div>`;
};

export const fileUpload = (options: Common & { readonly accept?: string }): Html => {
  const id = options.id ?? options.name;
  // The native input, without nhsuk-frontend's drop-zone enhancement: its generated button's name
  // does not contain its visible text (WCAG 2.5.3), and the native control is fully accessible.
  return html`<div class="${groupClass(options, " nhsuk-file-upload")}">
  ${label(id, options)}
  ${hintAndError(id, options)}
  <input class="nhsuk-file-upload__input" id="${id}" name="${options.name}" type="file"${options.accept === undefined ? "" : html` accept="${options.accept}"`}${describedBy(id, options)}>
</div>`;
};
