/**
 * A form posted before the page was hydrated arrives as FormData; domain functions take plain
 * objects. A name sent once becomes a value, a repeated name (checkbox groups) a list. React's
 * own `$ACTION_…` fields are not input.
 */
export function formDataToObject(formData: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const object: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION_")) continue;
    const all = formData.getAll(name);
    object[name] = all.length === 1 ? all[0] : all;
  }
  return object;
}

/** The input of an action: the object a hydrated form sends, or the FormData of a plain post. */
export function actionInput(input: unknown): unknown {
  return input instanceof FormData ? formDataToObject(input) : input;
}
