import { describe, expect, it } from "vitest";
import { nameList } from "./name-list";

describe("nameList", () => {
  it("joins a few names the way people write them", () => {
    expect(nameList([])).toBe("");
    expect(nameList(["Germany"])).toBe("Germany");
    expect(nameList(["Germany", "France"])).toBe("Germany and France");
    expect(nameList(["A", "B", "C"])).toBe("A, B and C");
    expect(nameList(["A", "B", "C"], 5, "or")).toBe("A, B or C");
  });

  it("shortens a long list to the first few and a count", () => {
    expect(nameList(["A", "B", "C", "D", "E", "F", "G"], 3)).toBe("A, B, C and 4 more");
    expect(nameList(["A", "B", "C", "D", "E"])).toBe("A, B, C, D and E");
  });
});
