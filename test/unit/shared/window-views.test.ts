import { describe, expect, it } from 'vitest';
import { WINDOW_VIEWS, viewFromFragment } from '../../../electron/shared/window-views';

describe('window views', () => {
  it('are one list for the tabs and the tray: a fragment names one of them or none', () => {
    expect(WINDOW_VIEWS.map((view) => view.id)).toEqual(['setup', 'accounts', 'engine']);
    expect(['#setup', 'accounts', '#engine', '#nope', ''].map(viewFromFragment)).toEqual(['setup', 'accounts', 'engine', null, null]);
  });
});
