import { Schema } from "effect";

export const UploadQuery = Schema.Struct({
  /** What to call the file; cleaned up, and "<area>-<cycle>.pdf" when left out. */
  filename: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isMaxLength(255)))),
});

export const ListQuery = Schema.Struct({
  cycle: Schema.optionalKey(Schema.String),
  area: Schema.optionalKey(Schema.String),
});

export const UploadView = Schema.Struct({
  id: Schema.String,
  cycle: Schema.String,
  area: Schema.String,
  filename: Schema.String,
  size: Schema.Number,
  sha256: Schema.String,
  uploadedAt: Schema.String,
  /** The uploader's display name, or "API token". */
  uploadedBy: Schema.String,
});
