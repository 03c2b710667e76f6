import { useState, type FormEvent } from 'react';
import type { AiStatus } from '../../../shared/contract/ai.js';
import { invoke } from '../../lib/rpc.js';
import { ErrorNote } from '../manager/parts.js';

/**
 * The AI endpoint, set from here. The key field is write-only: it is never filled in, and the
 * main process only ever tells this screen whether a key is set.
 */
export function AiSettings({ status, onChange }: { status: AiStatus | null; onChange: (s: AiStatus) => void }) {
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async (input: Parameters<typeof invoke<'ai.configure'>>[1]) => {
    const res = await invoke('ai.configure', input);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setApiKey('');
    setBaseUrl('');
    setModel('');
    onChange(res.value);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ ...(apiKey ? { apiKey } : {}), ...(baseUrl ? { baseUrl } : {}), ...(model ? { model } : {}) });
  };

  return (
    <details className="table-card ai-settings" data-testid="ai-settings">
      <summary>AI endpoint {status?.configured ? `(${status.model} at ${status.baseUrl}, key set${status.keySource === 'environment' ? ' in the environment' : ''})` : '(none: answers come from the offline interpreter)'}</summary>
      <form onSubmit={submit} className="ai-settings-form">
        <label>
          Base URL (any OpenAI-compatible endpoint)
          <input name="base-url" type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder={status?.baseUrl ?? 'https://api.openai.com/v1'} />
        </label>
        <label>
          Model
          <input name="model" value={model} onChange={(e) => setModel(e.target.value)} placeholder={status?.model ?? 'gpt-4o-mini'} />
        </label>
        <label>
          API key {status?.configured ? '(set; type a new one to replace it)' : ''}
          <input name="api-key" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} />
        </label>
        <ErrorNote message={error} />
        <div className="dialog-actions">
          {status?.keySource === 'secrets-file' && (
            <button type="button" onClick={() => void save({ clear: true })}>
              Forget the endpoint
            </button>
          )}
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </details>
  );
}
