/** Each parsed file's way of finding the line of a frontmatter field, by the file's display path. */
export type LineFinders = Map<string, (path: readonly (string | number)[]) => number | undefined>;

export function lineIn(lines: LineFinders, file: string, path: readonly (string | number)[]): number | undefined {
  return lines.get(file)?.(path);
}
