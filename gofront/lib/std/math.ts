// Go's math package on JS numbers. Where Go's answer differs from JS's —
// special cases (Pow(1, NaN) is 1), ±0 and NaN rules (Max, Min), or an
// algorithm whose last bit differs (Log from Go's amd64 assembly, Pow by
// squaring, Sin and Cos from Cephes, Hypot) — Go's is ported from Go 1.19.
// Elsewhere JS's function is Go's (Sqrt, Floor, Mod's exact remainder) or
// within a bit of it: Exp (Go's amd64 Exp itself differs by machine, with or
// without FMA), the inverse and hyperbolic functions, and Sin and Cos of
// arguments beyond 2^29, which Go reduces with Payne–Hanek.

const bits = new DataView(new ArrayBuffer(8));

/** Go's math.Signbit: the sign bit is set (also for -0 and a negative NaN). */
export function Signbit(x: number): boolean {
  bits.setFloat64(0, x);
  return bits.getUint8(0) >= 0x80;
}

export const Abs = Math.abs;
export const Ceil = Math.ceil;
export const Floor = Math.floor;
export const Trunc = Math.trunc;
export const Sqrt = Math.sqrt;
export const Cbrt = Math.cbrt;
export const Exp = Math.exp;
export const Exp2 = (x: number): number => Pow(2, x);
export const Log1p = Math.log1p;
export const Expm1 = Math.expm1;
export const Tan = Math.tan;
export const Asin = Math.asin;
export const Acos = Math.acos;
export const Atan = Math.atan;
export const Atan2 = Math.atan2;
export const Sinh = Math.sinh;
export const Cosh = Math.cosh;
export const Tanh = Math.tanh;
/** Go's math.NaN (exported as NaN). */
const goNaN = (): number => NaN;
export { goNaN as NaN };
export const IsNaN = (f: number): boolean => Number.isNaN(f);
export const Inf = (sign: number): number => (sign >= 0 ? Infinity : -Infinity);
export const IsInf = (f: number, sign: number): boolean => (sign >= 0 && f === Infinity) || (sign <= 0 && f === -Infinity);
export const Copysign = (f: number, sign: number): number => (Signbit(f) === Signbit(sign) ? f : -f);

/** Go's math.Round: half away from zero. */
export function Round(x: number): number {
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Copysign(1, x) : t;
}

/** Go's math.RoundToEven. */
export function RoundToEven(x: number): number {
  const t = Math.trunc(x);
  const d = Math.abs(x - t);
  return d > 0.5 || (d === 0.5 && t % 2 !== 0) ? t + Copysign(1, x) : t;
}

/** Go's math.Max: +Inf wins over NaN; Max(-0, +0) is +0. */
export function Max(x: number, y: number): number {
  if (x === Infinity || y === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && x === y) return Signbit(x) ? y : x;
  return x > y ? x : y;
}

/** Go's math.Min: -Inf wins over NaN; Min(-0, +0) is -0. */
export function Min(x: number, y: number): number {
  if (x === -Infinity || y === -Infinity) return -Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0 && x === y) return Signbit(x) ? x : y;
  return x < y ? x : y;
}

/** Go's math.Dim: max(x-y, 0). */
export function Dim(x: number, y: number): number {
  const v = x - y;
  return v <= 0 ? 0 : v;
}

/** Go's math.Mod: the exact remainder, with x's sign (JS's % is the same). */
export const Mod = (x: number, y: number): number => x % y;

/** Go's math.Modf: integer and fractional parts, both with x's sign. */
export function Modf(f: number): [number, number] {
  if (Number.isNaN(f)) return [NaN, NaN];
  const int = Math.trunc(f);
  const frac = Number.isFinite(f) ? Copysign(f - int, f) : NaN;
  return [int, frac];
}

/** Go's math.Frexp: f = frac × 2^exp with |frac| in [0.5, 1). */
export function Frexp(f: number): [number, number] {
  if (f === 0 || !Number.isFinite(f)) return [f, 0];
  let exp = 0;
  let x = f;
  if (Math.abs(x) < 2 ** -1022) {
    x *= 2 ** 52; // normalize a subnormal
    exp = -52;
  }
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  exp += ((hi >>> 20) & 0x7ff) - 1022;
  bits.setUint32(0, (hi & ~(0x7ff << 20)) | (1022 << 20));
  return [bits.getFloat64(0), exp];
}

/** Go's math.Ldexp: frac × 2^exp, rounded once. */
export function Ldexp(frac: number, exp: number): number {
  if (frac === 0 || !Number.isFinite(frac)) return frac;
  const [f, e] = Frexp(frac);
  exp += e;
  if (exp > 1024) return f < 0 ? -Infinity : Infinity;
  if (exp < -1080) return Copysign(0, f);
  // f × 2^exp as two exact steps and a last one that rounds.
  const first = Math.max(Math.min(exp, 1000), -1000);
  return f * 2 ** first * 2 ** (exp - first);
}

function isOddInt(x: number): boolean {
  if (Math.abs(x) >= 2 ** 53) return false;
  return Number.isInteger(x) && Math.abs(x) % 2 === 1;
}

/** Go's math.Pow: its special cases, and x^y by squaring for the integer part of y, as Go computes it. */
export function Pow(x: number, y: number): number {
  const special = powSpecial(x, y);
  if (special !== undefined) return special;
  let [yi, yf] = Modf(Math.abs(y));
  if (yf !== 0 && x < 0) return NaN;
  if (yi >= 2 ** 63) {
    if (x === -1) return 1;
    return Math.abs(x) < 1 === y > 0 ? 0 : Infinity;
  }
  let a1 = 1;
  let ae = 0;
  if (yf !== 0) {
    if (yf > 0.5) {
      yf--;
      yi++;
    }
    a1 = Math.exp(yf * Log(x));
  }
  let [x1, xe] = Frexp(x);
  for (let i = yi; i !== 0; i = Math.floor(i / 2)) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if (i % 2 === 1) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe *= 2;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return Ldexp(a1, ae);
}

function powSpecial(x: number, y: number): number | undefined {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === 0) {
    if (y < 0) return isOddInt(y) ? Copysign(Infinity, x) : Infinity;
    return isOddInt(y) ? x : 0;
  }
  if (!Number.isFinite(y)) {
    if (x === -1) return 1;
    return Math.abs(x) < 1 === (y === Infinity) ? 0 : Infinity;
  }
  if (!Number.isFinite(x)) {
    if (x === -Infinity) return Pow(1 / x, -y);
    return y < 0 ? 0 : Infinity;
  }
  if (y === 0.5) return Math.sqrt(x);
  if (y === -0.5) return 1 / Math.sqrt(x);
  return undefined;
}

// Go's log_amd64.s (FreeBSD's e_log.c in SSE2, without FMA, so every machine
// computes the same bits): ln(2) in two parts and the polynomial.
const LN2_HI = 6.9314718036912382e-1;
const LN2_LO = 1.9082149292705877e-10;
const L = [
  0.6666666666666735, 0.3999999999940942, 0.2857142874366239, 0.22222198432149784, 0.1818357216161805, 0.15313837699209373,
  0.14798198605116586,
] as const;

/** Go's math.Log as amd64 computes it (a subnormal x is read as if normal, as that assembly does). */
export function Log(x: number): number {
  if (x === 0) return -Infinity;
  if (x < 0 || Number.isNaN(x)) return NaN;
  if (x === Infinity) return x;
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  let k = ((hi >>> 20) & 0x7ff) - 0x3fe;
  bits.setUint32(0, (hi & 0xfffff) | 0x3fe00000);
  let f1 = bits.getFloat64(0);
  if (f1 < Math.SQRT1_2) {
    k -= 1;
    f1 *= 2;
  }
  const f = f1 - 1;
  const s = f / (2 + f);
  const s2 = s * s;
  const s4 = s2 * s2;
  const t1 = s2 * (L[0] + s4 * (L[2] + s4 * (L[4] + s4 * L[6])));
  const t2 = s4 * (L[1] + s4 * (L[3] + s4 * L[5]));
  const R = t1 + t2;
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}

/** Go's math.Log2: exact for powers of two. */
export function Log2(x: number): number {
  const [frac, exp] = Frexp(x);
  if (frac === 0.5) return exp - 1;
  return Log(frac) * Math.LOG2E + exp;
}

/** Go's math.Log10. */
export const Log10 = (x: number): number => Log(x) * Math.LOG10E;

/** Go's math.Hypot (its amd64 assembly computes the same). */
export function Hypot(p: number, q: number): number {
  if (!Number.isFinite(p) || !Number.isFinite(q)) {
    if (Math.abs(p) === Infinity || Math.abs(q) === Infinity) return Infinity;
    return NaN;
  }
  p = Math.abs(p);
  q = Math.abs(q);
  if (p < q) [p, q] = [q, p];
  if (p === 0) return 0;
  q = q / p;
  return p * Math.sqrt(1 + q * q);
}

// Go's sin.go (from Cephes): Pi/4 in three parts, and the polynomials.
const PI4A = 0.7853981256484985;
const PI4B = 3.774894707930798e-8;
const PI4C = 2.6951514290790595e-15;
const SIN = [
  1.5896230157654656e-10, -2.5050747762857807e-8, 0.0000027557313621385722, -0.0001984126982958954, 0.008333333333322118,
  -0.1666666666666663,
] as const;
const COS = [
  -1.1358536521387682e-11, 2.087570084197473e-9, -2.755731417929674e-7, 0.000024801587288851704, -0.0013888888888873056,
  0.041666666666666595,
] as const;
/** Go reduces larger arguments with Payne–Hanek; JS's functions stand in for those. */
const REDUCE_THRESHOLD = 1 << 29;

/** x ≥ 0 reduced to its octant j (0…7) and the remainder z. */
function reduce(x: number): { j: number; z: number } {
  let j = Math.floor(x * (4 / Math.PI));
  let y = j;
  if (j % 2 === 1) {
    j++;
    y++;
  }
  j %= 8;
  return { j, z: x - y * PI4A - y * PI4B - y * PI4C };
}

const sinPoly = (z: number, zz: number): number =>
  z + z * zz * (((((SIN[0] * zz + SIN[1]) * zz + SIN[2]) * zz + SIN[3]) * zz + SIN[4]) * zz + SIN[5]);
const cosPoly = (zz: number): number =>
  1.0 - 0.5 * zz + zz * zz * (((((COS[0] * zz + COS[1]) * zz + COS[2]) * zz + COS[3]) * zz + COS[4]) * zz + COS[5]);

/** Go's math.Sin. */
export function Sin(x: number): number {
  if (x === 0 || Number.isNaN(x)) return x;
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) >= REDUCE_THRESHOLD) return Math.sin(x);
  let sign = x < 0;
  const r = reduce(Math.abs(x));
  let j = r.j;
  const z = r.z;
  if (j > 3) {
    sign = !sign;
    j -= 4;
  }
  const zz = z * z;
  const y = j === 1 || j === 2 ? cosPoly(zz) : sinPoly(z, zz);
  return sign ? -y : y;
}

/** Go's math.Cos. */
export function Cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) >= REDUCE_THRESHOLD) return Math.cos(x);
  let sign = false;
  const r = reduce(Math.abs(x));
  let j = r.j;
  const z = r.z;
  if (j > 3) {
    j -= 4;
    sign = !sign;
  }
  if (j > 1) sign = !sign;
  const zz = z * z;
  const y = j === 1 || j === 2 ? sinPoly(z, zz) : cosPoly(zz);
  return sign ? -y : y;
}
