import type { APIRoute } from "astro";
import { buildSearchIndex } from "../lib/search-index.ts";
import { siteData } from "../lib/site-data.ts";

export const GET: APIRoute = async () => {
  const { set } = await siteData();
  return new Response(JSON.stringify(buildSearchIndex(set)), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
