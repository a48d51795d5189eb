'use strict';

/** Formats rows of objects as a Markdown table with aligned columns. */
function markdownTable(rows, columns = Object.keys(rows[0] || {})) {
  if (columns.length === 0) {
    return '';
  }
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column])));
  const widths = columns.map((column, i) =>
    Math.max(column.length, 3, ...cells.map((line) => line[i].length)),
  );
  const numeric = columns.map((column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'));

  const header = '| ' + columns.map((column, i) => column.padEnd(widths[i])).join(' | ') + ' |';
  const divider =
    '| ' +
    widths.map((width, i) => (numeric[i] ? '-'.repeat(width - 1) + ':' : '-'.repeat(width))).join(' | ') +
    ' |';
  const body = cells.map(
    (line) =>
      '| ' +
      line.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ') +
      ' |',
  );
  return [header, divider, ...body].join('\n');
}

function formatCell(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
  return String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Parses a Markdown table back into an array of objects. */
function parseMarkdownTable(text) {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'));
  if (lines.length < 2) {
    return [];
  }
  const split = (line) =>
    line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, '|'));
  const columns = split(lines[0]);
  return lines.slice(2).map((line) => {
    const values = split(line);
    const row = {};
    columns.forEach((column, i) => {
      const value = values[i] ?? '';
      row[column] = value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
    });
    return row;
  });
}

module.exports = { markdownTable, parseMarkdownTable };

if (require.main === module) {
  const table = markdownTable([
    { name: 'apples', count: 3, price: 1.25 },
    { name: 'pears', count: 12, price: 0.5 },
  ]);
  console.log(table);
  console.log(parseMarkdownTable(table));
}
