import { isValidElement, type ReactElement } from "react";

// Reading what a server component returned without rendering it: its elements and the strings
// in their props (components below it are not run). For failure messages and page checks.

function* walk(node: unknown, depth = 0): Generator<unknown> {
  if (depth > 40 || node == null || typeof node === "boolean") return;
  yield node;
  if (Array.isArray(node)) for (const n of node) yield* walk(n, depth + 1);
  else if (isValidElement(node)) yield* walk(Object.values(node.props as object), depth + 1);
  else if (typeof node === "object" && !(node instanceof Date))
    for (const v of Object.values(node as object)) yield* walk(v, depth + 1);
}

/** Every string and number in the tree's props, space-separated. */
export function treeText(node: unknown): string {
  let text = "";
  for (const n of walk(node)) if (typeof n === "string" || typeof n === "number") text += `${n} `;
  return text;
}

/** The elements of `type` (a component function) in the tree. */
export function elementsOf<P>(node: unknown, type: (props: P) => unknown): ReactElement<P>[] {
  return [...walk(node)].filter((n): n is ReactElement<P> => isValidElement(n) && n.type === type);
}
