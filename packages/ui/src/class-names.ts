/** Joins the truthy class names; avoids a dependency for a one-liner. */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(" ");
}
