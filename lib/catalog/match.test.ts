import { describe, expect, it } from "vitest";
import { CATALOG } from "@/db/catalog";
import { closeServices, matchesService } from "./match";

const names = (query: string) => closeServices(CATALOG, query).map((s) => s.name);

describe("services a query nearly names", () => {
  it("forgives a typo, a swapped pair or a missing letter", () => {
    expect(names("instagarm")[0]).toBe("Instagram");
    expect(names("youtbe")[0]).toBe("YouTube");
    expect(names("netflx")[0]).toBe("Netflix");
    expect(names("tiktko")[0]).toBe("TikTok");
    expect(names("Spotfy")[0]).toBe("Spotify");
  });

  it("finds a name from a misspelt start, and offers each of several", () => {
    expect(names("instgr")[0]).toBe("Instagram");
    expect(names("goggle")).toEqual(expect.arrayContaining(["Google Drive", "Google Cloud"]));
  });

  it("offers nothing for what is not nearly a service, or too short to tell", () => {
    expect(names("qwertyuiop")).toEqual([]);
    expect(names("zz")).toEqual([]);
    expect(names("xkcd")).toEqual([]);
  });

  it("is only needed where nothing matches as typed", () => {
    for (const q of ["instagarm", "youtbe", "netflx", "tiktko"])
      expect(CATALOG.filter((s) => matchesService(s, q))).toEqual([]);
  });
});
