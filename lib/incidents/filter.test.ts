import { describe, expect, it } from "vitest";
import { incidentQuery } from "./filter";

describe("incident list query", () => {
  it("reads filters and the page", () => {
    expect(
      incidentQuery({ service: "tiktok", level: "outage", from: "2026-05-01", to: "2026-05-02", page: "3" }),
    ).toEqual({
      filter: {
        service: "tiktok",
        category: undefined,
        level: "outage",
        from: new Date("2026-05-01T00:00:00Z"),
        to: new Date("2026-05-03T00:00:00Z"),
      },
      page: 3,
    });
  });

  it("ignores what does not parse instead of failing", () => {
    expect(
      incidentQuery({ service: "Robert'); drop", category: "nope", level: "ok", from: "yesterday", page: "-4" }),
    ).toEqual({
      filter: { service: undefined, category: undefined, level: undefined, from: undefined, to: undefined },
      page: 1,
    });
    expect(incidentQuery({ category: ["gaming", "social"], service: "" }).filter).toMatchObject({
      category: "gaming",
      service: undefined,
    });
  });
});
