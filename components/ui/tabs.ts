/**
 * A view switch drawn as a row of tabs (a list's views, a case file's parts): the current one
 * filled, each at least 44 px tall for a thumb. Links, so each works before hydration.
 */
export function tabClasses(active: boolean): string {
  return `inline-flex min-h-11 items-center rounded-md px-4 text-sm font-medium ${
    active ? "bg-teal-700 text-white" : "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100"
  }`;
}
