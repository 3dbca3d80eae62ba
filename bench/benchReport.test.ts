import { describe, expect, it } from "vitest";
import { joinBenchReports } from "./benchReport";

describe("joinBenchReports", () => {
  it("puts each bench's document under its name in one document", () => {
    const report = joinBenchReports([
      { name: "runtime", stdout: '{"rows":[1,2]}\n' },
      { name: "model", stdout: '{\n  "events": 10\n}\n' },
    ]);
    expect(JSON.parse(JSON.stringify(report))).toEqual({ runtime: { rows: [1, 2] }, model: { events: 10 } });
  });

  it("names the bench whose output is not one JSON document", () => {
    expect(() => joinBenchReports([{ name: "trace", stdout: '{"a":1}\n{"b":2}\n' }])).toThrow(
      /bench 'trace' did not print one JSON document.*began: "\{\\"a\\":1\}/s,
    );
  });

  it("refuses two benches under one name", () => {
    expect(() =>
      joinBenchReports([
        { name: "model", stdout: "1" },
        { name: "model", stdout: "2" },
      ]),
    ).toThrow("two benches report as 'model'");
  });
});
