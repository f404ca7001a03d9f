// Each OpenMoji symbol the standards use, copied from the openmoji package into the built site.
import type { APIRoute, GetStaticPaths } from "astro";
import { areaHref } from "../../lib/pages.ts";
import { siteData } from "../../lib/site-data.ts";
import { symbolSvg, usedSymbols } from "../../lib/symbols.ts";

export const getStaticPaths = (async () => {
  const { set } = await siteData();
  return (await usedSymbols(set, areaHref)).map((symbol) => ({
    params: { hexcode: symbol.hexcode },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(await symbolSvg(String(params.hexcode)), {
    headers: { "content-type": "image/svg+xml" },
  });
