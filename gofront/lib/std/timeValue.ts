// Go's time.Time, in UTC: seconds and nanoseconds since the Unix epoch, and a
// monotonic clock reading when Now made it (as Go's, only for comparing and
// subtracting, and printed by String as "m=+1.500000001"). Immutable: every
// method returns a new Time. Its calendar is the proleptic Gregorian one.

/** Seconds from the Unix epoch to Go's zero Time, January 1, year 1, 00:00:00 UTC. */
export const ZERO_SEC = -62_135_596_800;

export const MONTHS: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const WEEKDAYS: readonly string[] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Month.String and Weekday.String: the name, or %!Month(13) out of range, as Go's. */
export function enumName(names: readonly string[], type: string, base: number, n: number): string {
  const name = names[n - base];
  return name !== undefined && Number.isInteger(n) ? name : `%!${type}(${n})`;
}

export class Time {
  /** A struct, for gofront's == and map keys (field by field: the same instant and monotonic reading). */
  static $struct = true;

  constructor(
    /** Whole seconds since 1970-01-01 UTC. */
    readonly sec: number = ZERO_SEC,
    /** 0 ≤ nsec < 1e9. */
    readonly nsec: number = 0,
    /** The monotonic reading in ns, undefined for none (a Time not made by Now). */
    readonly mono: number | undefined = undefined,
  ) {}

  /** Times are immutable: a copy is the same object. */
  $clone(): Time {
    return this;
  }

  /** t + d; keeps the monotonic reading, moved by d. */
  Add(d: number): Time {
    const total = this.nsec + (d % 1e9);
    const carry = Math.floor(total / 1e9);
    return new Time(this.sec + Math.trunc(d / 1e9) + carry, total - carry * 1e9, this.mono === undefined ? undefined : this.mono + d);
  }

  /** t - u as a Duration (ns): by the monotonic readings when both have one. */
  Sub(u: Time): number {
    if (this.mono !== undefined && u.mono !== undefined) return this.mono - u.mono;
    return (this.sec - u.sec) * 1e9 + (this.nsec - u.nsec);
  }

  private compare(u: Time): number {
    if (this.mono !== undefined && u.mono !== undefined) return Math.sign(this.mono - u.mono);
    return Math.sign(this.sec - u.sec) || Math.sign(this.nsec - u.nsec);
  }

  After(u: Time): boolean {
    return this.compare(u) > 0;
  }
  Before(u: Time): boolean {
    return this.compare(u) < 0;
  }
  Equal(u: Time): boolean {
    return this.compare(u) === 0;
  }
  IsZero(): boolean {
    return this.sec === ZERO_SEC && this.nsec === 0;
  }
  Unix(): number {
    return this.sec;
  }
  UnixMilli(): number {
    return this.sec * 1000 + Math.floor(this.nsec / 1e6);
  }
  /** Exact while within 2^53 ns of 1970 (about 104 days); rounded beyond, as a JS number is. */
  UnixNano(): number {
    return this.sec * 1e9 + this.nsec;
  }

  private date(): Date {
    return new Date(this.sec * 1000);
  }
  Year(): number {
    return this.date().getUTCFullYear();
  }
  Month(): number {
    return this.date().getUTCMonth() + 1;
  }
  Day(): number {
    return this.date().getUTCDate();
  }
  Hour(): number {
    return this.date().getUTCHours();
  }
  Minute(): number {
    return this.date().getUTCMinutes();
  }
  Second(): number {
    return this.date().getUTCSeconds();
  }
  Nanosecond(): number {
    return this.nsec;
  }
  Weekday(): number {
    return this.date().getUTCDay();
  }
  /** The day of the year, 1 to 366. */
  YearDay(): number {
    const d = this.date();
    return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  }

  Format(layout: string): string {
    return formatTime(this, layout);
  }

  /** Go's Time.String: "2009-11-10 23:00:00 +0000 UTC m=+0.000000001". */
  String(): string {
    const s = this.Format("2006-01-02 15:04:05.999999999 -0700 MST");
    if (this.mono === undefined) return s;
    const m = Math.abs(this.mono);
    return `${s} m=${this.mono < 0 ? "-" : "+"}${Math.floor(m / 1e9)}.${String(m % 1e9).padStart(9, "0")}`;
  }
}

// ---------------------------------------------------------------------------
// Layouts, as Go's nextStdChunk reads them.

type Chunk = { readonly std: string; readonly width?: number; readonly sep?: string } | { readonly literal: string };

const FIXED: readonly string[] = [
  "January",
  "Jan",
  "Monday",
  "Mon",
  "MST",
  "2006",
  "002",
  "__2",
  "_2",
  "15",
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "PM",
  "pm",
  "-07:00:00",
  "-070000",
  "-07:00",
  "-0700",
  "-07",
  "Z07:00:00",
  "Z070000",
  "Z07:00",
  "Z0700",
  "Z07",
  "1",
  "2",
  "3",
  "4",
  "5",
];

const lowerAt = (s: string, i: number): boolean => i < s.length && s[i]! >= "a" && s[i]! <= "z";

/** The std chunk that starts at i, if any. */
function stdAt(layout: string, i: number): { readonly chunk: Chunk; readonly end: number; readonly literalPrefix?: number } | undefined {
  const c = layout[i]!;
  if ((c === "." || c === ",") && (layout[i + 1] === "0" || layout[i + 1] === "9")) {
    const digit = layout[i + 1]!;
    let j = i + 1;
    while (layout[j] === digit) j++;
    if (!(layout[j]! >= "0" && layout[j]! <= "9")) return { chunk: { std: digit === "0" ? ".0" : ".9", width: j - i - 1, sep: c }, end: j };
    return undefined;
  }
  if (c === "_" && layout.startsWith("_2006", i)) return { chunk: { std: "2006" }, end: i + 5, literalPrefix: 1 };
  for (const f of FIXED) {
    if (!layout.startsWith(f, i)) continue;
    // "Jan" and "Mon" only when no lower-case letter follows (Janet, Month).
    if ((f === "Jan" || f === "Mon") && lowerAt(layout, i + 3)) return undefined;
    // "0" starts a std only as 01…06 or 002; "-" and "Z" only as a zone.
    return { chunk: { std: f }, end: i + f.length };
  }
  return undefined;
}

function chunks(layout: string): Chunk[] {
  const out: Chunk[] = [];
  let lit = "";
  for (let i = 0; i < layout.length;) {
    const found = stdAt(layout, i);
    if (found === undefined) {
      lit += layout[i];
      i++;
      continue;
    }
    if (found.literalPrefix !== undefined) lit += layout.slice(i, i + found.literalPrefix);
    if (lit !== "") out.push({ literal: lit });
    lit = "";
    out.push(found.chunk);
    i = found.end;
  }
  if (lit !== "") out.push({ literal: lit });
  return out;
}

const pad = (n: number, width: number): string => (n < 0 ? "-" + String(-n).padStart(width, "0") : String(n).padStart(width, "0"));

/** Go's Time.Format, in UTC (the zone is "UTC", offset 0). */
export function formatTime(t: Time, layout: string): string {
  const hour = t.Hour();
  const year = t.Year();
  const fields: Readonly<Record<string, () => string>> = {
    January: () => MONTHS[t.Month() - 1]!,
    Jan: () => MONTHS[t.Month() - 1]!.slice(0, 3),
    Monday: () => WEEKDAYS[t.Weekday()]!,
    Mon: () => WEEKDAYS[t.Weekday()]!.slice(0, 3),
    MST: () => "UTC",
    "2006": () => pad(year, 4),
    "06": () => pad(((year % 100) + 100) % 100, 2),
    "002": () => pad(t.YearDay(), 3),
    __2: () => String(t.YearDay()).padStart(3, " "),
    _2: () => String(t.Day()).padStart(2, " "),
    "15": () => pad(hour, 2),
    "01": () => pad(t.Month(), 2),
    "02": () => pad(t.Day(), 2),
    "03": () => pad(hour % 12 === 0 ? 12 : hour % 12, 2),
    "04": () => pad(t.Minute(), 2),
    "05": () => pad(t.Second(), 2),
    PM: () => (hour >= 12 ? "PM" : "AM"),
    pm: () => (hour >= 12 ? "pm" : "am"),
    "-07:00:00": () => "+00:00:00",
    "-070000": () => "+000000",
    "-07:00": () => "+00:00",
    "-0700": () => "+0000",
    "-07": () => "+00",
    "1": () => String(t.Month()),
    "2": () => String(t.Day()),
    "3": () => String(hour % 12 === 0 ? 12 : hour % 12),
    "4": () => String(t.Minute()),
    "5": () => String(t.Second()),
  };
  let out = "";
  for (const c of chunks(layout)) {
    if ("literal" in c) out += c.literal;
    else if (c.std.startsWith("Z")) out += "Z";
    else if (c.std === ".0" || c.std === ".9") out += fraction(t.nsec, c.width!, c.sep!, c.std === ".9");
    else out += fields[c.std]!();
  }
  return out;
}

/** A fractional second of `width` digits; with trim (".999"), trailing zeros go, and all of it when they are all zeros. */
function fraction(nsec: number, width: number, sep: string, trim: boolean): string {
  let digits = String(nsec).padStart(9, "0").slice(0, Math.min(width, 9));
  if (trim) digits = digits.replace(/0+$/, "");
  return digits === "" ? "" : sep + digits;
}
