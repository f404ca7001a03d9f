// Rules every assessment write shares.
import { Effect } from "effect";
import type { Principal } from "../../auth/Principal.ts";
import { Forbidden, InvalidInput } from "../../http/Errors.ts";

export const mayWrite = (principal: Principal) =>
  principal.role === "network-admin"
    ? Effect.fail(
        new Forbidden({
          message: "Network admins can read assessments but only services change them.",
        }),
      )
    : Effect.void;

export const requireReason = (submitted: boolean, reason: string | undefined) =>
  submitted && (reason === undefined || reason === "")
    ? Effect.fail(
        new InvalidInput({
          problems: [
            {
              field: "body.reason",
              message: "say why a submitted area is changed (it is kept in the audit trail)",
            },
          ],
        }),
      )
    : Effect.void;
