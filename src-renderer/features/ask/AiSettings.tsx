import type { AiStatus } from '../../../shared/contract/ai.js';

/**
 * What AI endpoint is set, and how an admin changes it. Only an admin at the machine sets it
 * (`frontdesk ai set`): a screen could otherwise point the stored key at any server.
 */
export function AiSettings({ status }: { status: AiStatus | null }) {
  return (
    <details className="table-card ai-settings" data-testid="ai-settings">
      <summary>
        AI endpoint{' '}
        {status?.configured
          ? `(${status.model} at ${status.baseUrl}, key set${status.keySource === 'environment' ? ' in the environment' : ''})`
          : '(none: answers come from the offline interpreter)'}
      </summary>
      <p className="ai-settings-help">
        An admin sets the endpoint on the machine that runs Frontdesk, with the key on standard input so it never shows in the process list:
      </p>
      <pre className="ai-settings-help">printf &apos;%s&apos; &quot;$KEY&quot; | frontdesk ai set --key-stdin --base-url URL --model MODEL</pre>
      <p className="ai-settings-help">Changing the address needs the key again. frontdesk ai clear forgets it.</p>
    </details>
  );
}
