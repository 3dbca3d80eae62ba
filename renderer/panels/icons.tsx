// Toolbar icons as inline SVG: font glyphs like ⏮ are missing from many system
// fonts (they draw as empty boxes), and SVG stays crisp at any pixel ratio.

export type IconName = "start" | "back" | "play" | "pause" | "forward" | "end" | "stop" | "rerun" | "flag";

const PATHS: Readonly<Record<IconName, string>> = {
  start: "M3 2h2v12H3zM14 2v12L6 8z",
  back: "M13 2v12L4 8z",
  play: "M4 2v12l10-6z",
  pause: "M4 2h3v12H4zM9 2h3v12H9z",
  forward: "M3 2v12l9-6z",
  end: "M11 2h2v12h-2zM2 2v12l8-6z",
  stop: "M3 3h10v10H3z",
  rerun: "M13.5 1.5v5h-5z",
  flag: "M3 1h2v14H3zM5 2h9l-2.5 3.5L14 9H5z",
};

export function Icon({ name, size = 14 }: { readonly name: IconName; readonly size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      {name === "rerun" && <path d="M13 8.5a5 5 0 1 1-1.8-4.4" fill="none" stroke="currentColor" strokeWidth="1.8" />}
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
