/** Markdown code: fenced blocks and YAML front matter, which carry no report text. */

/** A fence line (``` or ~~~, indented at most three spaces); group 1 is the fence. */
export const MARKDOWN_FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** A line that opens or closes a code block or front matter (its changes can move what the other lines are). */
export function isCodeDelimiter(line: string): boolean {
  return line === '---' || MARKDOWN_FENCE.test(line);
}

/** The lines of fenced code blocks and of the YAML front matter. */
export function findMarkdownCode(lines: string[]): Set<number> {
  const ignored = new Set<number>();
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i === 0 && line === '---') {
      let end = 1;
      while (end < lines.length && lines[end] !== '---') end++;
      if (end < lines.length) {
        for (let j = 0; j <= end; j++) ignored.add(j);
        i = end;
        continue;
      }
    }
    const m = MARKDOWN_FENCE.exec(line);
    if (fence) {
      ignored.add(i);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length) fence = undefined;
    } else if (m) {
      fence = m[1];
      ignored.add(i);
    }
  }
  return ignored;
}
