import { describe, expect, it } from "vitest";
import { recv, select } from "../../../runtime/index";
import { sprint } from "../fmt";
import { Iface } from "../values";
import { parseDuration } from "./durations";
import { runGo } from "./testing/runGo";
import { Time, Time$type, Duration$type, timePackage } from "./time";
import { GoHost } from "../host";
import { programGlobals } from "../../../runtime/index";

const time = timePackage(new GoHost(programGlobals()));
const S = 1e9;
const MS = 1e6;

describe("time.Duration", () => {
  const d = 90 * 60 * S + 30 * S + 5 * MS;

  it("converts to hours, minutes, seconds and smaller units as Go 1.19 does", () => {
    expect([time.Duration$Hours(d), time.Duration$Minutes(d), time.Duration$Seconds(d)]).toEqual([
      1.508334722222222, 90.50008333333334, 5430.005,
    ]);
    expect([time.Duration$Milliseconds(d), time.Duration$Microseconds(d), time.Duration$Nanoseconds(d)]).toEqual([5430005, 5430005000, d]);
    expect([time.Duration$Hours(-d), time.Duration$Seconds(-d), time.Duration$Milliseconds(-d)]).toEqual([
      -1.508334722222222, -5430.005, -5430005,
    ]);
  });

  it("rounds halfway away from zero and truncates toward zero", () => {
    const str = (x: number): string => time.Duration$String(x);
    expect(str(time.Duration$Round(d, 3600 * S))).toBe("2h0m0s");
    expect(str(time.Duration$Truncate(d, 3600 * S))).toBe("1h0m0s");
    expect(str(time.Duration$Round(-d, 60 * S))).toBe("-1h31m0s");
    expect(str(time.Duration$Round(1500 * MS, S))).toBe("2s");
    expect(str(time.Duration$Round(-1500 * MS, S))).toBe("-2s");
    expect(str(time.Duration$Round(d, 0))).toBe("1h30m30.005s");
  });

  it("prints through its type's String method, as %v of an interface holding it does", () => {
    expect(sprint([new Iface(Duration$type, 1500 * MS)])).toBe("1.5s");
  });
});

describe("time.ParseDuration", () => {
  const cases: readonly (readonly [string, number | string])[] = [
    ["1h2m3.5s", 3723500000000],
    ["-1.5ms", -1500000],
    ["+0", 0],
    ["0", 0],
    ["-0s", 0],
    ["", 'time: invalid duration ""'],
    ["1", 'time: missing unit in duration "1"'],
    ["x", 'time: invalid duration "x"'],
    ["1x", 'time: unknown unit "x" in duration "1x"'],
    ["1\xc2\xb5s", 1000],
    ["1\xce\xbcs", 1000],
    [".5s", 500000000],
    ["1.s", 1000000000],
    [".s", 'time: invalid duration ".s"'],
    ['3"\xffq', 'time: unknown unit "\\"\\xffq" in duration "3\\"\\xffq"'],
    ["9223372036854775808ns", 'time: invalid duration "9223372036854775808ns"'],
    ["1.0000000000000000000001h", 3600000000000],
    ["100us", 100000],
  ];
  it.each(cases)("%j gives what Go 1.19 gives", (s, want) => {
    const r = parseDuration(s);
    expect("d" in r ? r.d : r.error).toBe(want);
  });

  it("returns an error value whose Error() is the message", () => {
    const [d, err] = time.ParseDuration("x");
    expect(d).toBe(0);
    expect(err?.type.methods.get("Error")!(err.value)).toBe('time: invalid duration "x"');
  });
});

describe("time.Time", () => {
  it("starts at the playground's instant with Go's monotonic suffix, and moves with the virtual clock", async () => {
    const seen: string[] = [];
    await runGo(async (std) => {
      const t = std.time.Now();
      seen.push(t.String(), t.Add(1500 * MS).String());
      await std.time.Sleep(2 * S);
      seen.push(std.time.Duration$String(std.time.Since(t)), std.time.Now().String(), std.time.Duration$String(std.time.Until(t)));
    });
    expect(seen).toEqual([
      "2009-11-10 23:00:00 +0000 UTC m=+0.000000001",
      "2009-11-10 23:00:01.5 +0000 UTC m=+1.500000001",
      "2s",
      "2009-11-10 23:00:02 +0000 UTC m=+2.000000001",
      "-2s",
    ]);
  });

  it("formats layouts as Go does", async () => {
    const out: string[] = [];
    await runGo((std) => {
      const t = std.time.Now().Add(1234567 * 1e3);
      for (const l of [
        "2006-01-02T15:04:05Z07:00",
        "3:04PM",
        "2006-01-02 15:04:05",
        "15:04:05",
        "Jan _2 15:04:05.000",
        "2006-01-02",
        "Mon Jan _2 15:04:05 MST 2006",
        "January 2, 2006 3:04:05.000 pm -07:00 Z0700",
        "Monday 002 __2 06 .999 ,000000",
        "Janet Month _2006",
      ])
        out.push(t.Format(l));
    });
    expect(out).toEqual([
      "2009-11-10T23:00:01Z",
      "11:00PM",
      "2009-11-10 23:00:01",
      "23:00:01",
      "Nov 10 23:00:01.234",
      "2009-11-10",
      "Tue Nov 10 23:00:01 UTC 2009",
      "November 10, 2009 11:00:01.234 pm +00:00 Z",
      "Tuesday 314 314 09 .234 ,234567",
      "Janet Month _2009",
    ]);
  });

  it("has Go's calendar fields, Unix values and zero value", async () => {
    let fields: unknown[] = [];
    await runGo((std) => {
      const t = std.time.Now();
      fields = [t.Year(), std.time.Month$String(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond()];
      fields.push(std.time.Weekday$String(t.Weekday()), t.Unix(), t.UnixMilli());
    });
    expect(fields).toEqual([2009, "November", 10, 23, 0, 0, 0, "Tuesday", 1257894000, 1257894000000]);
    expect(new Time().String()).toBe("0001-01-01 00:00:00 +0000 UTC");
    expect(new Time().IsZero()).toBe(true);
    expect(time.Unix(0, 0).String()).toBe("1970-01-01 00:00:00 +0000 UTC");
    expect(time.Unix(5, 1e9 + 3).String()).toBe("1970-01-01 00:00:06.000000003 +0000 UTC");
    expect([time.Month$String(13), time.Weekday$String(7)]).toEqual(["%!Month(13)", "%!Weekday(7)"]);
    expect(sprint([new Iface(Time$type, time.Unix(0, 0))])).toBe("1970-01-01 00:00:00 +0000 UTC");
  });

  it("compares by the monotonic reading when both have one, else by the instant", () => {
    const a = time.Unix(10, 0);
    const b = a.Add(S);
    expect([a.Before(b), b.After(a), a.Equal(time.Unix(10, 0)), b.Sub(a)]).toEqual([true, true, true, S]);
  });
});

describe("timers", () => {
  it("After delivers a Time at the virtual instant it fires, on a channel named as the runtime names it", async () => {
    let got = "";
    const r = await runGo(async (std) => {
      const v = (await std.time.After(250 * MS).recv()) as Time;
      got = v.String();
    });
    expect(got).toBe("2009-11-10 23:00:00.25 +0000 UTC m=+0.250000001");
    expect(r.events.filter((e) => e.kind === "make").map((e) => (e.kind === "make" ? e.name : ""))).toContain("after 250ms");
    expect(r.endTime).toBe(250 * MS);
  });

  it("Stop before the fire is true and keeps the channel empty; Reset re-arms it", async () => {
    const log: unknown[] = [];
    await runGo(async (std) => {
      const t = std.time.NewTimer(100 * MS);
      log.push(t.Stop(), t.Stop());
      log.push(t.Reset(50 * MS));
      const v = (await t.C!.recv()) as Time;
      log.push(v.Sub(std.time.Now()), std.time.Duration$String(std.time.Since(new std.time.Time(v.sec, v.nsec))));
      log.push(t.Reset(10 * MS));
    });
    expect(log).toEqual([true, false, false, 0, "0s", false]);
  });

  it("AfterFunc runs f in a goroutine of its own; its C is nil", async () => {
    const at: number[] = [];
    await runGo(async (std) => {
      const t = std.time.AfterFunc(30 * MS, () => at.push(std.time.Since(start)));
      const start = std.time.Now();
      expect(t.C).toBeNull();
      await std.time.Sleep(40 * MS);
    });
    expect(at).toEqual([30 * MS]);
  });

  it("a Ticker ticks every period until stopped; Tick of a non-positive duration is a nil channel", async () => {
    const ticks: string[] = [];
    const r = await runGo(async (std) => {
      const tk = std.time.NewTicker(100 * MS);
      for (let i = 0; i < 3; i++) ticks.push(((await tk.C!.recv()) as Time).Format("15:04:05.000"));
      tk.Stop();
      const chosen = await select(
        recv(std.time.Tick(0), () => "tick"),
        recv(std.time.After(S), () => "after"),
      );
      ticks.push(chosen);
    });
    expect(ticks).toEqual(["23:00:00.100", "23:00:00.200", "23:00:00.300", "after"]);
    expect(r.status).toBe("ok");
  });

  it("NewTicker panics on a non-positive interval with Go's error; zero Timers panic on Stop", async () => {
    const r = await runGo((std) => std.time.NewTicker(0));
    expect(r.status).toBe("panic");
    expect(r.message).toContain("non-positive interval for NewTicker");
    expect(() => new time.Timer().Stop()).toThrow("time: Stop called on uninitialized Timer");
  });
});
