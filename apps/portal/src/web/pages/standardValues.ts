// One standard's answers as form text and as the API's body, both ways, so a refused or conflicting
// save re-shows exactly what the person typed.
import { type FieldInfo, type FormData, field, numberOrText } from "../forms.ts";
import type { ResponseView } from "../views.ts";

export interface StandardValues {
  readonly version: string;
  readonly serviceUser: string;
  readonly staff: string;
  readonly carer: string;
  readonly agreed: string;
  readonly rationale: string;
  readonly evidence: string;
  readonly reason: string;
}

const text = (value: number | "na" | null): string => (value === null ? "" : String(value));

export const valuesOf = (response: ResponseView): StandardValues => ({
  version: String(response.version),
  serviceUser: text(response.views.serviceUser),
  staff: text(response.views.staff),
  carer: text(response.views.carer),
  agreed: text(response.agreed),
  rationale: response.rationale,
  evidence: response.evidence,
  reason: "",
});

/** The posted values of one standard; `prefix` is "" on the one-standard form, "CPA-01." in the table. */
export const postedValues = (form: FormData, prefix = ""): StandardValues => ({
  version: field(form, `${prefix}version`),
  serviceUser: field(form, `${prefix}serviceUser`),
  staff: field(form, `${prefix}staff`),
  carer: field(form, `${prefix}carer`),
  agreed: field(form, `${prefix}agreed`),
  rationale: field(form, `${prefix}rationale`),
  evidence: field(form, `${prefix}evidence`),
  reason: field(form, "reason"),
});

const score = (value: string): number | string | null => numberOrText(value) ?? null;

/**
 * The API body. Private ratings are not edited on these pages, so the stored ones go back as they
 * were (the API replaces the whole record).
 */
export const bodyOf = (values: StandardValues, current: ResponseView) => ({
  version: numberOrText(values.version) ?? 0,
  views: {
    serviceUser: score(values.serviceUser),
    staff: score(values.staff),
    carer: score(values.carer),
  },
  ...(current.privateRatings === null ? {} : { privateRatings: current.privateRatings }),
  agreed: values.agreed === "na" ? "na" : score(values.agreed),
  rationale: values.rationale,
  evidence: values.evidence,
  ...(values.reason.trim() === "" ? {} : { reason: values.reason }),
});

/** Whether the person changed anything (the table saves only the standards they touched). */
export const changed = (values: StandardValues, current: ResponseView): boolean => {
  const before = valuesOf(current);
  return (
    values.serviceUser !== before.serviceUser ||
    values.staff !== before.staff ||
    values.carer !== before.carer ||
    values.agreed !== before.agreed ||
    values.rationale !== before.rationale ||
    values.evidence !== before.evidence
  );
};

/** Element ids use hyphens (`CPA-01-staff`): dots would read as classes in CSS selectors. */
export const fieldId = (name: string): string => name.replaceAll(".", "-");

export const standardFieldInfo = (prefix = "", standardId = ""): Record<string, FieldInfo> => {
  const entry = (name: string, text: string): [string, FieldInfo] => [
    `${prefix}${name}`,
    {
      label: standardId === "" ? text : `${text} for ${standardId}`,
      id: fieldId(`${prefix}${name}`),
    },
  ];
  return {
    ...Object.fromEntries([
      entry("serviceUser", "Service users' view"),
      entry("staff", "Staff view"),
      entry("carer", "Carers' view"),
      entry("agreed", "Agreed score"),
      entry("rationale", "Why this score"),
      entry("evidence", "Evidence"),
      entry("version", "Version"),
    ]),
    reason: {
      label: "Reason for the change",
      message: "Say why a submitted area is changed (it is kept in the audit trail)",
    },
  };
};

/** API fields (`body.views.staff`) → form fields (`staff`, or `CPA-01.staff` in the table). */
export const standardFieldOf =
  (prefix = "") =>
  (apiField: string): string | undefined => {
    const path = apiField.replace(/^body\./u, "");
    if (path === "reason") return "reason";
    const name = path.startsWith("views.") ? path.slice("views.".length) : path;
    return ["serviceUser", "staff", "carer", "agreed", "rationale", "evidence", "version"].includes(
      name,
    )
      ? `${prefix}${name}`
      : undefined;
  };
