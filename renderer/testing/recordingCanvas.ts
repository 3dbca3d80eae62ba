// A fake canvas 2D context for the painters' tests: it draws nothing and
// records every call with the style it was made in (fill and stroke colour,
// line width and dash, alpha, font), so a test can ask what was painted,
// where and in which colour. Text is measured at 6px a character.

/** One recorded drawing call. Patterns are recorded as the fill style "pattern". */
export interface CanvasCall {
  readonly op: string;
  readonly args: readonly number[] | readonly (number | string)[];
  readonly fillStyle: string;
  readonly strokeStyle: string;
  readonly lineWidth: number;
  readonly lineDash: readonly number[];
  readonly globalAlpha: number;
  readonly font: string;
}

interface Style {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineDash: number[];
  globalAlpha: number;
  font: string;
  textAlign: string;
  textBaseline: string;
}

const styleName = (s: unknown): string => (typeof s === "string" ? s : "pattern");

export class RecordingCanvas {
  readonly calls: CanvasCall[] = [];
  private style: Style = {
    fillStyle: "#000000",
    strokeStyle: "#000000",
    lineWidth: 1,
    lineDash: [],
    globalAlpha: 1,
    font: "10px sans-serif",
    textAlign: "start",
    textBaseline: "alphabetic",
  };
  private readonly saved: Style[] = [];

  /** This recorder, typed as the context the painters take. */
  get ctx(): CanvasRenderingContext2D {
    return this as unknown as CanvasRenderingContext2D;
  }

  /** The calls of one kind, in order. */
  ops(op: string): CanvasCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  get fillStyle(): string {
    return this.style.fillStyle;
  }
  set fillStyle(v: unknown) {
    this.style.fillStyle = styleName(v);
  }
  get strokeStyle(): string {
    return this.style.strokeStyle;
  }
  set strokeStyle(v: unknown) {
    this.style.strokeStyle = styleName(v);
  }
  get lineWidth(): number {
    return this.style.lineWidth;
  }
  set lineWidth(v: number) {
    this.style.lineWidth = v;
  }
  get globalAlpha(): number {
    return this.style.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.style.globalAlpha = v;
  }
  get font(): string {
    return this.style.font;
  }
  set font(v: string) {
    this.style.font = v;
  }
  get textAlign(): string {
    return this.style.textAlign;
  }
  set textAlign(v: string) {
    this.style.textAlign = v;
  }
  get textBaseline(): string {
    return this.style.textBaseline;
  }
  set textBaseline(v: string) {
    this.style.textBaseline = v;
  }

  setLineDash(dash: readonly number[]): void {
    this.style.lineDash = [...dash];
  }
  getLineDash(): number[] {
    return [...this.style.lineDash];
  }
  save(): void {
    this.saved.push({ ...this.style, lineDash: [...this.style.lineDash] });
  }
  restore(): void {
    const s = this.saved.pop();
    if (s !== undefined) this.style = s;
  }
  measureText(text: string): { width: number } {
    return { width: text.length * 6 };
  }
  createPattern(): null {
    return null;
  }

  fillRect(...args: number[]): void {
    this.record("fillRect", args);
  }
  strokeRect(...args: number[]): void {
    this.record("strokeRect", args);
  }
  clearRect(...args: number[]): void {
    this.record("clearRect", args);
  }
  fillText(text: string, x: number, y: number): void {
    this.record("fillText", [text, x, y]);
  }
  beginPath(): void {
    this.record("beginPath", []);
  }
  closePath(): void {
    this.record("closePath", []);
  }
  moveTo(...args: number[]): void {
    this.record("moveTo", args);
  }
  lineTo(...args: number[]): void {
    this.record("lineTo", args);
  }
  arc(...args: number[]): void {
    this.record("arc", args);
  }
  arcTo(...args: number[]): void {
    this.record("arcTo", args);
  }
  bezierCurveTo(...args: number[]): void {
    this.record("bezierCurveTo", args);
  }
  rect(...args: number[]): void {
    this.record("rect", args);
  }
  clip(): void {
    this.record("clip", []);
  }
  fill(): void {
    this.record("fill", []);
  }
  stroke(): void {
    this.record("stroke", []);
  }
  setTransform(...args: number[]): void {
    this.record("setTransform", args);
  }
  scale(...args: number[]): void {
    this.record("scale", args);
  }
  drawImage(): void {
    this.record("drawImage", []);
  }

  private record(op: string, args: readonly number[] | readonly (number | string)[]): void {
    const s = this.style;
    this.calls.push({
      op,
      args,
      fillStyle: s.fillStyle,
      strokeStyle: s.strokeStyle,
      lineWidth: s.lineWidth,
      lineDash: [...s.lineDash],
      globalAlpha: s.globalAlpha,
      font: s.font,
    });
  }
}
