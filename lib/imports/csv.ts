import Papa from "papaparse";

// CSV through papaparse (RFC 4180 quoting, embedded newlines, delimiter guessing). Rows are
// handed over chunk by chunk so a 3-million-row file never exists as one big array.

const CANDIDATE_DELIMITERS = [";", ",", "\t"];
// Small chunks keep each chunk's row arrays short-lived (young-generation garbage).
const CHUNK_CHARS = 256 * 1024;

/** Guesses `;`, `,` or tab from the first lines (the most consistent field count wins). */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const guessed = Papa.parse<string[]>(sample, {
    delimitersToGuess: CANDIDATE_DELIMITERS,
    preview: 30,
    skipEmptyLines: "greedy",
  });
  const delimiter = guessed.meta.delimiter;
  if (CANDIDATE_DELIMITERS.includes(delimiter)) return delimiter;
  // One-column files: papaparse cannot guess; fall back to whatever appears on the first line.
  const firstLine = sample.split(/\r?\n/, 1)[0] ?? "";
  return CANDIDATE_DELIMITERS.find((d) => firstLine.includes(d)) ?? ",";
}

export type CsvRowHandler = (cells: string[], row: number) => boolean | void;

/**
 * Calls `onRow` for every record with its 1-based record number (= Excel row number). Returning
 * `false` stops parsing. Reports the first unbalanced quote, which would swallow later rows.
 *
 * papaparse parses a string chunk by chunk by recursion (each chunk's call parses the next),
 * and every frame keeps its chunk's rows alive until the last one returns: a 3-million-row
 * file left ~470 MB of rows on the heap at the end of parsing. Pausing after each chunk and
 * resuming on the next turn of the event loop unwinds the stack, so each chunk's rows die
 * young (the heap stays near 30 MB) and the event loop serves other work in between.
 */
export function parseCsv(
  text: string,
  delimiter: string,
  onRow: CsvRowHandler,
  onProgress?: (done: number, total: number) => void,
): Promise<{ quoteErrorRow: number | null }> {
  let row = 0;
  let quoteErrorRow: number | null = null;
  let failure: unknown = null;
  return new Promise((resolve, reject) => {
    // papaparse streams strings in chunks too (its typings only describe that for files).
    const config = {
      delimiter,
      skipEmptyLines: false,
      chunkSize: CHUNK_CHARS,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        try {
          const first = row;
          for (const error of results.errors) {
            if (error.type === "Quotes" && quoteErrorRow === null) quoteErrorRow = first + (error.row ?? 0) + 1;
          }
          const data = results.data;
          for (let i = 0; i < data.length; i++) {
            row += 1;
            if (onRow(data[i], row) === false) {
              parser.abort();
              return;
            }
          }
          onProgress?.(results.meta.cursor, text.length);
          parser.pause();
          setImmediate(() => parser.resume());
        } catch (error) {
          failure = error;
          parser.abort(); // calls complete
        }
      },
      complete: () => (failure === null ? resolve({ quoteErrorRow }) : reject(failure)),
    };
    Papa.parse<string[]>(text, config);
  });
}
