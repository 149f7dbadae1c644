/**
 * Splits a text/event-stream buffer into complete events' data and the unfinished rest.
 * Comments (keepalives) and fields other than data are skipped; multi-line data is joined
 * with "\n" as the spec says.
 */
export function parseSse(buffer: string): { data: string[]; rest: string } {
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const data: string[] = [];
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    if (lines.length > 0) data.push(lines.join('\n'));
  }
  return { data, rest };
}
