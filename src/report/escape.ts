/** Escaping for HTML text and attribute values: every customer word passes through here before it reaches the page. */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Markdown text (also fit for a table cell): markup characters escaped, line breaks flattened, HTML-like text shown as text. */
export function escapeMarkdown(text: string): string {
  const escaped = text
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return flattenLines(escaped);
}

/** Line breaks and the blanks around them become one space; split and trim, as a regex for it backtracks on long blank runs. */
function flattenLines(text: string): string {
  if (!text.includes('\n')) return text;
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}
