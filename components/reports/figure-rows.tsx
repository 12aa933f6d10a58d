"use client";

/**
 * A figure cell as data: `[raw value, printed text]`; `[null, text]` for a cell with no value
 * to keep ("—", a duration); "s" for a count hidden because it is small; "w" for one withheld
 * so that a small one cannot be worked out. Written on the server (components/reports/figure.tsx),
 * so numbers print in the server's format whatever the browser's.
 */
export type FigureDatum = readonly [number | null, string] | "s" | "w";

export type FigureRow = {
  key: string;
  /** The row's header cell. */
  head: string;
  cells: readonly FigureDatum[];
  /** data-* attributes of the row (e.g. { "data-grade": 3 }). */
  data?: Record<string, string | number>;
  /** The closing total of a table: bold figures. */
  strong?: boolean;
  /** No rule under the row (the last row of a table). */
  last?: boolean;
};

/** The words a screen reader hears for "< 5" and "*". */
export type FigureWords = { small: string; withheld: string };

/**
 * The body rows of a report table, drawn from their figures. A territory's report prints over
 * 800 figures; sent as a tree of cells they were most of the page's payload and of its server
 * time, sent as data they are a fraction (decision 017, ninth round). `data-value` carries the
 * raw value ("<5", "*" or the number) so tests need not parse locale formatting; `columns` adds
 * data-* attributes to each column's cells; `headClass` styles the row headers.
 */
export function FigureRows({
  rows,
  words,
  columns,
  headClass,
}: {
  rows: readonly FigureRow[];
  words: FigureWords;
  columns?: readonly Record<string, string>[];
  headClass?: string;
}) {
  return rows.map((row) => (
    <tr key={row.key} className={row.last ? undefined : "border-b border-slate-100"} {...row.data}>
      <th scope="row" className={headClass}>
        {row.head}
      </th>
      {row.cells.map((cell, i) => (
        <Cell key={i} cell={cell} words={words} strong={row.strong} {...columns?.[i]} />
      ))}
    </tr>
  ));
}

function Cell({
  cell,
  words,
  strong,
  ...attrs
}: { cell: FigureDatum; words: FigureWords; strong?: boolean } & Record<string, unknown>) {
  const className = strong ? "font-semibold" : undefined;
  if (cell === "s" || cell === "w") {
    return (
      <td {...attrs} className={className} data-value={cell === "s" ? "<5" : "*"}>
        <span aria-hidden="true">{cell === "s" ? "<\u00a05" : "*"}</span>
        <span className="sr-only">{cell === "s" ? words.small : words.withheld}</span>
      </td>
    );
  }
  return (
    <td {...attrs} className={className} data-value={cell[0] ?? undefined}>
      {cell[1]}
    </td>
  );
}
