import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPdfs, expectedPdfs, installPdfs } from "../../src/build/pdfs.ts";
import { readDownloads } from "../../src/lib/downloads.ts";
import { standardsSet } from "../support/standards.ts";

const fakePdf = "%PDF-1.7\n% not rendered: only the header is checked here\n";

describe("the area PDFs the site links to", () => {
  it("are two per area, named as the renderer names them", async () => {
    const set = await standardsSet();
    const names = expectedPdfs(set);
    expect(names).toHaveLength(set.areas.length * 2);
    expect(names).toContain("technology.pdf");
    expect(names).toContain("technology-easy-read.pdf");
  });

  it("are checked: every missing or broken file is named", async () => {
    const set = await standardsSet();
    const dir = await mkdtemp(join(tmpdir(), "sequin-pdfs-"));
    const [first, second] = expectedPdfs(set);
    await writeFile(join(dir, first as string), fakePdf);
    await writeFile(join(dir, second as string), "<html>");
    const failure = await checkPdfs(set, dir).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toContain(`${second} is not a PDF`);
    expect(failure).toContain("technology.pdf is missing");
    expect(failure).not.toContain(`${first} `);
    await expect(readDownloads(set, dir)).rejects.toThrow(/technology-easy-read\.pdf is missing/u);
  });

  it("are installed alone, replacing whatever was there, with their sizes read", async () => {
    const set = await standardsSet();
    const source = await mkdtemp(join(tmpdir(), "sequin-pdfs-"));
    const target = await mkdtemp(join(tmpdir(), "sequin-downloads-"));
    for (const name of expectedPdfs(set)) await writeFile(join(source, name), fakePdf);
    await writeFile(join(source, "stray.pdf"), fakePdf);
    await writeFile(join(target, "old.pdf"), fakePdf);
    await installPdfs(set, source, target);
    expect((await readdir(target)).sort()).toEqual([...expectedPdfs(set)].sort());
    const downloads = await readDownloads(set, target);
    expect(downloads.get("technology")?.easyRead).toEqual({
      href: "/downloads/technology-easy-read.pdf",
      fileName: "technology-easy-read.pdf",
      bytes: fakePdf.length,
    });
  });
});
