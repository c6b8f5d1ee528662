/**
 * The onboarding as state: which path and step, the pasted values with their as-you-type checks,
 * and Save (the core verifies with Twilio first). The secret lives here only until it is saved or
 * the flow is reset, then it is cleared; after a refused Save it stays, so the user can correct it.
 */
import type { AccountSummary, AuthType, CredentialDraft, KeyType, VerificationReport } from '../../../electron/shared/app-types';
import type { SmsitApi } from '../../../electron/shared/ipc-contract';
import type { ErrorInfo } from '../../../electron/shared/errors';
import { checkAccountSid, checkApiKeySecret, checkApiKeySid, checkAuthToken, type FieldCheck } from '../../../electron/shared/credential-formats';
import { DEFAULT_REGION } from '../../../electron/shared/regions';
import { stepsFor, type StepId } from './onboarding-steps';

export type DraftField = 'accountSid' | 'apiKeySid' | 'secret';

/** The fields each step asks for; Next stays blocked until they pass. */
const STEP_FIELDS: Partial<Record<StepId, DraftField[]>> = {
  'account-sid': ['accountSid'],
  'copy-token': ['secret'],
  'copy-key': ['apiKeySid', 'secret'],
};

export class OnboardingFlow {
  #authType = $state<AuthType | null>(null);
  #stepIndex = $state(0);
  #report = $state.raw<VerificationReport | null>(null);
  #failure = $state.raw<ErrorInfo | null>(null);
  #busy = $state<'save' | null>(null);
  #saved = $state.raw<AccountSummary | null>(null);
  #nameMessage = $state<string | null>(null);
  /** Fields the user left, or tried to move past, at least once: an empty field only complains after that. */
  #visited = $state<Record<DraftField, boolean>>({ accountSid: false, apiKeySid: false, secret: false });
  readonly #api: SmsitApi;

  // The values the user types (components bind to these).
  accountSid = $state('');
  apiKeySid = $state('');
  secret = $state('');
  /** The key type the user means to pick in the Console (only to warn about Restricted). */
  plannedKeyType = $state<KeyType>('standard');
  name = $state('');
  region = $state(DEFAULT_REGION);
  edge = $state('');

  /** The steps of the chosen path. */
  readonly steps: StepId[] = $derived(stepsFor(this.#authType));
  /** The step on screen. */
  readonly step: StepId = $derived(this.steps[this.#stepIndex] ?? 'choose');
  /** The as-you-type check of every field, with the secret checked as what the path asks for. */
  readonly checks: Record<DraftField, FieldCheck> = $derived({
    accountSid: checkAccountSid(this.accountSid),
    apiKeySid: checkApiKeySid(this.apiKeySid),
    secret: this.#authType === 'authToken' ? checkAuthToken(this.secret) : checkApiKeySecret(this.secret),
  });
  /** Fields the current path needs, in screen order. */
  readonly neededFields: DraftField[] = $derived(this.#authType === 'apiKey' ? ['accountSid', 'apiKeySid', 'secret'] : ['accountSid', 'secret']);
  /** The cleaned values, as the core will receive them. */
  readonly draft: CredentialDraft = $derived(this.#cleanDraft());
  /** Fields of the step on screen that show an error now, in screen order (for the "2 fields need a fix" summary). */
  readonly stepProblems: DraftField[] = $derived((STEP_FIELDS[this.step] ?? []).filter((field) => this.messageFor(field) !== null));

  constructor(api: SmsitApi) {
    this.#api = api;
  }

  /** The path chosen on the first screen, or null before. */
  get authType(): AuthType | null {
    return this.#authType;
  }

  /** Where the step on screen is in `steps`. */
  get stepIndex(): number {
    return this.#stepIndex;
  }

  /** Twilio's acceptance at the last successful Save, with the core's warnings added; a refusal is in `failure`. */
  get report(): VerificationReport | null {
    return this.#report;
  }

  /** Why the last Save did not succeed (Twilio's refusal among others), or what blocked it; cleared by an edit. */
  get failure(): ErrorInfo | null {
    return this.#failure;
  }

  /** The action under way, so its button shows progress and does not repeat. */
  get busy(): 'save' | null {
    return this.#busy;
  }

  /** What is wrong with the account name (empty, or taken), shown at the name field. */
  get nameMessage(): string | null {
    return this.#nameMessage;
  }

  /** The account as saved (masked), once Save succeeded. */
  get saved(): AccountSummary | null {
    return this.#saved;
  }

  /** The message to show next to a field now, or null while it is untouched and empty. */
  messageFor(field: DraftField): string | null {
    const check = this.checks[field];
    if (check.ok) return null;
    return this[field] === '' && !this.#visited[field] ? null : check.message;
  }

  /** The first field of the step (or of the whole draft) that still fails its check. */
  firstInvalid(fields: DraftField[] = STEP_FIELDS[this.step] ?? []): DraftField | null {
    return fields.find((field) => !this.checks[field].ok) ?? null;
  }

  choose(authType: AuthType): void {
    if (authType !== this.#authType) this.#forgetResult();
    this.#authType = authType;
    this.#stepIndex = 1;
  }

  /** Moves on unless a field of this step fails; returns the field to focus when it does. */
  next(): DraftField | null {
    const invalid = this.firstInvalid();
    if (invalid) {
      for (const field of STEP_FIELDS[this.step] ?? []) if (!this.checks[field].ok) this.#visited[field] = true;
      return invalid;
    }
    if (this.#stepIndex < this.steps.length - 1) this.#stepIndex += 1;
    return null;
  }

  back(): void {
    if (this.#stepIndex > 0 && this.step !== 'done') this.#stepIndex -= 1;
  }

  /** Marks a field as visited (on blur): from then on an empty field says so. */
  touch(field: DraftField): void {
    this.#visited[field] = true;
  }

  /** Called on every edit of a value Twilio checks (SIDs, secret, region, edge): drops a result the edit made stale. */
  edited(): void {
    this.#forgetResult();
  }

  /**
   * Checks the formats locally (nothing is sent to Twilio while a field is wrong), then saves: the
   * core verifies with Twilio first and saves nothing it refuses. The secret is forgotten once saved.
   */
  async save(): Promise<DraftField | 'name' | null> {
    this.#forgetResult();
    const invalid = this.#blockingField();
    if (invalid) return invalid;
    if (this.name.trim() === '') {
      this.#nameMessage = 'Give this account a name, for example "Main business".';
      return 'name';
    }
    this.#nameMessage = null;
    this.#busy = 'save';
    try {
      const result = await this.#api['accounts:add']({ name: this.name.trim(), draft: this.draft, verify: true });
      if (!result.ok) {
        // A name problem belongs at the name field; anything else above the Save button.
        if (result.error.kind === 'name-taken') this.#nameMessage = result.error.message;
        else this.#failure = result.error;
        return result.error.kind === 'name-taken' ? 'name' : null;
      }
      this.#saved = result.value.account;
      // What the core warns about (a key saved twice, a look-alike name) is shown with Twilio's warnings.
      if (result.value.report) this.#report = { ...result.value.report, warnings: [...result.value.report.warnings, ...(result.value.warnings ?? [])] };
      this.secret = '';
      this.#stepIndex = this.steps.indexOf('done');
      return null;
    } finally {
      this.#busy = null;
    }
  }

  /** Called on every edit of the name: its old complaint goes. */
  nameEdited(): void {
    this.#nameMessage = null;
  }

  /** Starts over for another account; nothing typed before survives. */
  reset(): void {
    this.#authType = null;
    this.#stepIndex = 0;
    this.accountSid = '';
    this.apiKeySid = '';
    this.secret = '';
    this.name = '';
    this.region = DEFAULT_REGION;
    this.edge = '';
    this.plannedKeyType = 'standard';
    this.#saved = null;
    this.#nameMessage = null;
    this.#visited = { accountSid: false, apiKeySid: false, secret: false };
    this.#forgetResult();
  }

  #cleanDraft(): CredentialDraft {
    const checks = this.checks;
    const draft: CredentialDraft = {
      authType: this.#authType ?? 'apiKey',
      accountSid: checks.accountSid.value,
      secret: checks.secret.value,
      region: this.region,
      edge: this.edge.trim() === '' ? null : this.edge.trim(),
    };
    if (this.#authType === 'apiKey') draft.apiKeySid = checks.apiKeySid.value;
    return draft;
  }

  #blockingField(): DraftField | null {
    const invalid = this.firstInvalid(this.neededFields);
    if (invalid) {
      this.#visited[invalid] = true;
      this.#failure = { kind: 'bad-input', message: this.checks[invalid].message ?? 'A value is missing.' };
    }
    return invalid;
  }

  #forgetResult(): void {
    this.#report = null;
    this.#failure = null;
  }
}
