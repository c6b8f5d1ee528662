/**
 * The onboarding steps of each path, in the order Twilio's own setup takes, with the Console
 * illustration each step talks about. Callout numbers match the numbered markers drawn in
 * renderer/src/assets/console/<illustration>.svg.
 */
import type { AuthType } from '../../../electron/shared/app-types';
import { CONSOLE_PATHS } from './links';

export type StepId = 'choose' | 'account-sid' | 'copy-token' | 'open-keys' | 'create-key' | 'copy-key' | 'check-save' | 'done';
export type IllustrationName = 'account-sid' | 'account-info' | 'api-keys-page' | 'create-key-form' | 'copy-secret';

/** One line of a step: what to do, and the numbered callout in the illustration it refers to. */
export interface Instruction {
  callout: number | null;
  text: string;
}

/** What a step shows above its own controls. */
export interface StepContent {
  id: StepId;
  title: string;
  illustration: IllustrationName | null;
  /** Describes the illustration for screen readers (the callouts are in the instructions). */
  illustrationAlt: string;
  instructions: Instruction[];
}


const STEPS: Record<StepId, StepContent> = {
  choose: { id: 'choose', title: 'How should SMS-iT Workflow sign in to Twilio?', illustration: null, illustrationAlt: '', instructions: [] },
  'account-sid': {
    id: 'account-sid',
    title: 'Copy your Account SID',
    // Only the Account SID is marked: on the API key path the Auth Token is never needed.
    illustration: 'account-sid',
    illustrationAlt: 'Drawing of the Twilio Console, Account Dashboard > Account Info, with the copy button next to the Account SID marked.',
    instructions: [
      { callout: null, text: `Log in to the Twilio Console and open ${CONSOLE_PATHS.accountInfo}.` },
      { callout: 1, text: 'Click the copy button next to Account SID (it starts with AC) and paste it below. The Account SID acts as the username.' },
    ],
  },
  'copy-token': {
    id: 'copy-token',
    title: 'Copy your Auth Token',
    illustration: 'account-info',
    illustrationAlt: 'Drawing of the Twilio Console, Account Dashboard > Account Info, with the Show and copy buttons next to the Auth Token marked.',
    instructions: [
      { callout: 1, text: `In ${CONSOLE_PATHS.accountInfo}, click Show next to Auth Token, then its copy button, and paste it below. The Auth Token acts as the password.` },
    ],
  },
  'open-keys': {
    id: 'open-keys',
    title: 'Open "API keys & tokens"',
    illustration: 'api-keys-page',
    illustrationAlt: 'Drawing of the Twilio Console, Admin > Account Management: the side menu with Keys & Credentials, API keys & tokens selected, and the Create API key button.',
    instructions: [
      { callout: null, text: `In the Twilio Console, open ${CONSOLE_PATHS.apiKeys} (Admin is at the top right).` },
      { callout: 1, text: 'In the side menu, under Keys & Credentials, click API keys & tokens.' },
      { callout: 2, text: 'Click Create API key, at the top right of the page.' },
    ],
  },
  'create-key': {
    id: 'create-key',
    title: 'Create the API key',
    illustration: 'create-key-form',
    illustrationAlt: 'Drawing of the Create new API key form: Friendly name, Region, Key type (Main, Standard, Restricted) and the Create API key button.',
    instructions: [
      { callout: 1, text: 'Friendly name: paste the name below, so you recognise this key later.' },
      { callout: 2, text: 'Region: keep United States (US1) unless your account uses another region.' },
      { callout: 3, text: 'Key type: choose Main or Standard. Both work with SMS-iT Workflow.' },
      { callout: 4, text: 'Click Create API key.' },
    ],
  },
  'copy-key': {
    id: 'copy-key',
    title: 'Copy the SID and the Secret',
    illustration: 'copy-secret',
    illustrationAlt: 'Drawing of the Copy secret key page: the key SID and the Secret with copy buttons, a warning that the secret is shown only once, a "Got it" checkbox and the Done button.',
    instructions: [
      { callout: 1, text: 'Click the copy button next to the SID (it starts with SK) and paste it below.' },
      { callout: 2, text: 'Click the copy button next to the Secret and paste it below.' },
      { callout: 3, text: 'Twilio shows the Secret only this once: keep this page open until it is saved here.' },
      { callout: 4, text: 'Only after both are pasted here, tick "Got it!" and click Done in the Console.' },
    ],
  },
  'check-save': { id: 'check-save', title: 'Verify and save', illustration: null, illustrationAlt: '', instructions: [] },
  done: { id: 'done', title: 'Saved', illustration: null, illustrationAlt: '', instructions: [] },
};

const PATHS: Record<AuthType, StepId[]> = {
  apiKey: ['choose', 'account-sid', 'open-keys', 'create-key', 'copy-key', 'check-save', 'done'],
  authToken: ['choose', 'account-sid', 'copy-token', 'check-save', 'done'],
};

/** The steps of a path (just the choice until one is made). */
export function stepsFor(authType: AuthType | null): StepId[] {
  return authType ? PATHS[authType] : ['choose'];
}

/** The words and illustration of one step. */
export function stepContent(id: StepId): StepContent {
  return STEPS[id];
}
