/** The window's views, in the order its tabs show them; the tray opens one through the URL fragment (`#setup`…). */
export const WINDOW_VIEWS = [
  { id: 'setup', label: 'Add account' },
  { id: 'accounts', label: 'Accounts' },
  { id: 'engine', label: 'Engine access' },
] as const;

export type WindowView = (typeof WINDOW_VIEWS)[number]['id'];

/** The view a URL fragment names, or null. */
export function viewFromFragment(fragment: string): WindowView | null {
  const asked = fragment.replace(/^#/, '');
  return WINDOW_VIEWS.find((view) => view.id === asked)?.id ?? null;
}
