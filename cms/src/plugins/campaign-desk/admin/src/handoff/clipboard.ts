/**
 * Copies one text in two forms at once, as an editor's paste wants: HTML (the 公众号 editor keeps
 * its formatting and pictures) and plain text (for where HTML is not taken). The async Clipboard
 * API where the browser allows it; else (an admin served over plain http, an older browser) the
 * copy command, filling the copy event's data.
 */
export async function copyForms(forms: { html?: string; text: string }): Promise<void> {
  const data: Record<string, string> = { 'text/plain': forms.text };
  if (forms.html !== undefined) data['text/html'] = forms.html;
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      const items = Object.fromEntries(Object.entries(data).map(([type, value]) => [type, new Blob([value], { type })]));
      await navigator.clipboard.write([new ClipboardItem(items)]);
      return;
    } catch {
      // Refused (no permission, not focused): the copy command below may still be allowed.
    }
  }
  const fill = (event: ClipboardEvent) => {
    for (const [type, value] of Object.entries(data)) event.clipboardData?.setData(type, value);
    event.preventDefault();
  };
  document.addEventListener('copy', fill);
  try {
    if (!document.execCommand('copy')) throw new Error('copy refused');
  } finally {
    document.removeEventListener('copy', fill);
  }
}
