import { describe, expect, it } from "vitest";
import { parseExportRequest } from "@/lib/export/export-request";
import { nameExport } from "@/lib/export/write-export";

const nameOf = (search: string) => {
  const request = parseExportRequest(new URLSearchParams(search));
  return nameExport(request.selection, request.shape);
};

describe("export file names say what the file holds", () => {
  it.each([
    ["format=csv&stance=neutral&city=karaganda", "voices-neutral-karaganda-quotes"],
    ["format=csv&stance=neutral,pro_russia&shape=voices", "voices-neutral-pro-russia-voices"],
    ["format=csv", "voices-all-quotes"],
    ["format=csv&q=Россия%20war", "voices-war-quotes"], // file names keep to ASCII letters and digits
    ["format=csv&ageMin=30&ageMax=44", "voices-aged-30-44-quotes"],
    ["format=csv&voice=gulmira-karaganda", "voices-gulmira-karaganda-quotes"],
    ["format=csv&v=irina,rustem", "voices-irina-rustem-quotes"],
    ["format=csv&quote=a-1,b-2,c-3", "quote-list-3-quotes"],
  ])("%s → %s", (search, name) => {
    expect(nameOf(search)).toBe(name);
  });

  it("stays short and safe for any search", () => {
    const name = nameOf(`format=csv&q=${encodeURIComponent('"../../etc/passwd" <script> ' + "word ".repeat(100))}`);
    expect(name).toMatch(/^voices-[a-z0-9-]+-quotes$/);
    expect(name.length).toBeLessThan(100);
  });
});
