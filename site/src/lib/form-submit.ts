/**
 * The steps every public form's script takes when a reader sends it (建言献策, 好人好事,
 * 知识竞答): the form's own check, the proof of work solved if the widget has not yet, the
 * post in place, and the CMS's answer shown, a refusal with its message and each field's
 * problem. Runs in the browser: the messages and the widget's settings come from the page
 * (lib/form-script.ts), so this module imports nothing of the site's.
 */
type Kind = 'info' | 'error' | 'done';
export type Problem = { field: string; message: string };
type ProofWidget = HTMLElement & { getState(): string; verify(): Promise<{ payload: string } | null>; reset(): void };
type Messages = Record<'verifying' | 'sending' | 'offline' | 'proofFailed' | 'failed', string>;
type Refusal = { error?: { message?: string; details?: { errors?: Problem[] } } };

export type FormSteps<Done> = {
  /** Shows the form's state, and with a refusal each field's problem. */
  show(message: string, kind: Kind, problems?: Problem[]): void;
  /** The form's own check before anything is sent: false keeps it (it showed why). */
  ready(): boolean;
  /** What is posted, from the form's data with the proof in it. */
  body(data: FormData): BodyInit;
  /** The CMS took it: show what it answered. */
  done(answer: Done): void;
};

/** Sends `form` in place through `steps` whenever it is submitted; without a script it posts as a plain form. */
export function sendInPlace<Done extends { ok: true }>(form: HTMLFormElement, steps: FormSteps<Done>): void {
  const messages = JSON.parse(form.dataset.messages!) as Messages;
  const widget = form.querySelector<ProofWidget>('altcha-widget');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  // The widget's own box stays unticked while it works; the script waits for it instead,
  // so the browser judges only the reader's fields (in `ready`), not the box.
  form.noValidate = true;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!steps.ready()) return;
    button.disabled = true;
    try {
      const data = new FormData(form);
      if (widget && widget.getState() !== 'verified') {
        steps.show(messages.verifying, 'info');
        const solved = await widget.verify();
        if (!solved) return steps.show(messages.proofFailed, 'error');
        data.set('altcha', solved.payload);
      }
      steps.show(messages.sending, 'info');
      const response = await fetch(form.action, { method: 'POST', body: steps.body(data), headers: { Accept: 'application/json' } });
      const answer = (await response.json().catch(() => null)) as Done | Refusal | null;
      if (response.ok && answer && 'ok' in answer) {
        widget?.reset();
        return steps.done(answer);
      }
      const error = answer && 'error' in answer ? answer.error : undefined;
      const problems = error?.details?.errors ?? [];
      // A used or expired challenge: the next attempt solves a fresh one.
      if (response.status === 409 || problems.some((problem) => problem.field === 'altcha')) widget?.reset();
      steps.show(error?.message || messages.failed, 'error', problems);
    } catch {
      steps.show(messages.offline, 'error');
    } finally {
      button.disabled = false;
    }
  });
}
