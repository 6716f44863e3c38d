// ANSI colour for terminals. Whether a stream gets colour is decided once, from
// the environment: FORCE_COLOR (on, or off with 0/false) wins, then NO_COLOR,
// then whether the stream is a terminal. Text for pipes and files stays plain.

type Style = "red" | "green" | "yellow" | "cyan" | "bold" | "dim";
const CODES: Record<Style, [number, number]> = { red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], bold: [1, 22], dim: [2, 22] };

export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true && env.TERM !== "dumb";
}

export type Paint = (style: Style, text: string) => string;

export function painter(enabled: boolean): Paint {
  return enabled ? (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : (_style, text) => text;
}

/** A unified diff with removed lines red, added lines green, hunk headers cyan. */
export function paintDiff(diff: string, paint: Paint): string {
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("---") || line.startsWith("+++")) return paint("bold", line);
      if (line.startsWith("@@")) return paint("cyan", line);
      if (line.startsWith("-")) return paint("red", line);
      if (line.startsWith("+")) return paint("green", line);
      return line;
    })
    .join("\n");
}
