import type errorsEs from "../../messages/es/errors.json";

// Keys of the `errors` message catalogue (messages/<locale>/errors.json), derived from the
// Spanish file: a key that is not in it does not typecheck. English is held to the same keys
// by lib/errors/catalogue.test.ts.

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type ErrorKey = Leaves<typeof errorsEs>;

/** The last parts of the keys under a group: `KeysUnder<"student.tooLong">` = the field names. */
export type KeysUnder<Group extends string> = ErrorKey extends infer K
  ? K extends `${Group}.${infer Rest}`
    ? Rest
    : never
  : never;

/** A value that is itself a catalogue entry, rendered in the same language (a state name…). */
export type MessageRef = { ref: ErrorKey };

/** ICU arguments of a message; a list of refs renders as one comma-separated text. */
export type MessageValues = Record<string, string | number | MessageRef | MessageRef[]>;

/**
 * Marks a string as a catalogue key. Zod schemas use it for their messages
 * (`{ error: errorKey("case.noteRequired") }`), so forms and actions render them in the
 * reader's language, and a typo fails the typecheck.
 */
export const errorKey = <K extends ErrorKey>(key: K): K => key;

export const ref = (key: ErrorKey): MessageRef => ({ ref: key });
