/** The open dialog in which the user picks .env files for the window's import. */
import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';

/** Several files at once, hidden files shown (`.env` is one), no file-type filter (`.env` has no extension). */
export const ENV_FILE_DIALOG: OpenDialogOptions = {
  title: 'Choose .env files to look for Twilio credentials in',
  buttonLabel: 'Look in these files',
  properties: ['openFile', 'multiSelections', 'showHiddenFiles', 'dontAddToRecent'],
};

/** The paths the user picked; none when the dialog was cancelled. */
export function chosenPaths(result: OpenDialogReturnValue): string[] {
  return result.canceled ? [] : result.filePaths;
}
