// The OpenAPI 3.1 document, generated from the same effect Schemas the routes validate with.
import { Schema } from "effect";
import type { RouteInfo } from "../http/Api.ts";

type Json = Record<string, unknown>;

const rewriteRefs = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === "$ref" && typeof inner === "string"
          ? inner.replace(/^#\/\$defs\//u, "#/components/schemas/")
          : rewriteRefs(inner),
      ]),
    );
  }
  return value;
};

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const standardErrors: Record<number, string> = {
  400: "Invalid input: every problem names its field",
  401: "Not signed in",
  403: "Not allowed (or a missing CSRF token)",
  404: "Not found, or not yours",
  409: "Conflict, or changed by someone else (the current version is included)",
  413: "Body too large",
  415: "Unsupported media type (the detail names the one to send)",
  422: "Refused by a domain rule (every reason is listed)",
  429: "Too many attempts",
};

export const openApiDocument = (routes: ReadonlyArray<RouteInfo>): Json => {
  const components: Record<string, unknown> = {
    Problem: {
      type: "object",
      required: ["status", "title"],
      properties: {
        type: { type: "string" },
        status: { type: "integer" },
        title: { type: "string" },
        detail: { type: "string" },
        requestId: { type: "string" },
        errors: {
          type: "array",
          items: {
            type: "object",
            properties: { field: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  };
  const toSchema = (schema: Schema.Top): unknown => {
    const document = Schema.toJsonSchemaDocument(schema as never);
    for (const [name, definition] of Object.entries(document.definitions))
      components[name] = rewriteRefs(definition);
    return rewriteRefs(document.schema);
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/gu, "{$1}");
    const pathParameters = [...route.path.matchAll(/:(\w+)/gu)].map((match) => ({
      name: match[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const queryParameters: Array<unknown> = [];
    if (route.query !== undefined) {
      const querySchema = toSchema(route.query) as {
        properties?: Record<string, unknown>;
        required?: ReadonlyArray<string>;
      };
      for (const [name, schema] of Object.entries(querySchema.properties ?? {})) {
        queryParameters.push({
          name,
          in: "query",
          required: querySchema.required?.includes(name) ?? false,
          schema,
        });
      }
    }
    const responses: Record<string, unknown> = {
      [String(route.successStatus)]:
        route.successStatus === 204 || route.method === "delete"
          ? { description: "Done" }
          : {
              description: "Success",
              content: Object.fromEntries(
                (route.produces ?? ["application/json"]).map((media) => [
                  media,
                  {
                    schema: media.startsWith("application/json")
                      ? route.response === undefined
                        ? { type: "object" }
                        : toSchema(route.response)
                      : media.startsWith("text/")
                        ? { type: "string" }
                        : { type: "string", format: "binary" },
                  },
                ]),
              ),
            },
    };
    const errorCodes = new Set<number>([
      ...(route.body !== undefined || route.query !== undefined ? [400] : []),
      ...route.errors,
    ]);
    if (route.access !== "public") for (const code of [401, 403, 404]) errorCodes.add(code);
    if (route.body !== undefined) {
      errorCodes.add(413);
      errorCodes.add(415);
    }
    for (const code of [...errorCodes].sort())
      responses[String(code)] = problem(standardErrors[code] ?? "Error");
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${path.replace(/[{}]/gu, "").replace(/[^a-zA-Z0-9]+(\w)/gu, (_, c: string) => c.toUpperCase())}`,
      parameters: [...pathParameters, ...queryParameters],
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: { "application/json": { schema: toSchema(route.body) } },
            },
          }),
      responses,
      security: route.access === "public" ? [] : [{ session: [], csrf: [] }, { token: [] }],
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "SeQuIn portal API",
      version: "1.0.0",
      description:
        "The Secure Quality Involvement Tool. Sign in with POST /api/v1/session (cookie) and send the returned CSRF token as X-CSRF-Token on unsafe requests, or use an API token as `Authorization: Bearer sqt_…`. Errors are RFC 9457 problem documents.",
    },
    servers: [{ url: "/" }],
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "sequin_session" },
        csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token" },
        token: { type: "http", scheme: "bearer" },
      },
    },
  };
};
