import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AiStatus, AskResult, Summary } from '../../../shared/contract/ai.js';
import { AnswerChart } from '../../charts/AnswerChart.js';
import { invoke } from '../../lib/rpc.js';
import { ErrorNote, TableHead } from '../manager/parts.js';
import { AiSettings } from './AiSettings.js';

const EXAMPLES = [
  'Who is in now?',
  'Who was late today?',
  'Top 5 by hours this week',
  'Who was absent yesterday?',
  'WFH vs WFO this month',
  'Who forgot to punch out this week?',
];

function engineLabel(engine: AskResult['engine'], status: AiStatus | null): string {
  return engine === 'model' ? `Answered by the AI model${status?.model ? ` (${status.model})` : ''}` : 'Answered by the offline interpreter';
}

/** The period answered, for tests and tools: "from..to", "now", or empty. */
const periodAttribute = (p: AskResult['period']): string => (p === null ? '' : p === 'now' ? 'now' : `${p.from}..${p.to}`);

/** The answer, its interpretation first and set apart: what was answered, then the answer. */
function AnswerText({ result }: { result: AskResult }) {
  const { interpretation, answer } = result;
  if (!interpretation || !answer.startsWith(`${interpretation}: `)) return <p className="answer-text">{answer}</p>;
  return (
    <p className="answer-text">
      <span className="answer-interpretation" data-testid="interpretation">
        {interpretation}:
      </span>{' '}
      <span className="answer-value">{answer.slice(interpretation.length + 2)}</span>
    </p>
  );
}

/** The question box and the summaries: plain answers with the table, chart and steps behind them. */
export function AskScreen({ bar }: { bar: (controls: ReactNode) => ReactNode }) {
  const [question, setQuestion] = useState('');
  const [result, setResult] = useState<AskResult | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [status, setStatus] = useState<AiStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The question the shown answer is for. */
  const [asked, setAsked] = useState('');

  useEffect(() => {
    void invoke('ai.status', {}).then((res) => res.ok && setStatus(res.value));
  }, []);

  const askNow = async (q: string) => {
    setQuestion(q);
    setBusy(true);
    const res = await invoke('ai.ask', { question: q });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setAsked(q);
    setResult(res.value);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void askNow(question);
  };
  const summarize = async (period: 'day' | 'week') => {
    const res = await invoke('ai.summary', { period });
    if (!res.ok) return setError(res.error.message);
    setSummary(res.value);
  };

  return (
    <div className="manager" data-testid="ask">
      {bar(<span className="muted engine-status">{status?.configured ? `Engine: AI model ${status.model}` : 'Engine: offline interpreter'}</span>)}
      <div className="ask">
        <form className="ask-form" onSubmit={submit}>
          <label htmlFor="question">Ask about attendance</label>
          <div className="ask-row">
            <input
              id="question"
              name="question"
              value={question}
              onChange={(e) => setQuestion(e.target.value)}
              placeholder="e.g. How many hours did Asha work last week? Who left early on 3 Nov?"
              required
              maxLength={500}
            />
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Asking…' : 'Ask'}
            </button>
          </div>
          <div className="examples" aria-label="Examples">
            {EXAMPLES.map((q) => (
              <button key={q} type="button" onClick={() => void askNow(q)}>
                {q}
              </button>
            ))}
          </div>
        </form>
        <ErrorNote message={error} />
        {result && (
          <section
            className="table-card answer"
            data-testid="answer"
            data-engine={result.engine}
            data-answered={result.answered}
            data-period={periodAttribute(result.period)}
            data-question={asked}
            aria-live="polite"
          >
            <AnswerText result={result} />
            <p className="muted">{result.engineNote ?? engineLabel(result.engine, status)}</p>
            {result.chart && result.table && <AnswerChart spec={result.chart} table={result.table} />}
            {result.table && result.table.rows.length > 0 && (
              <table data-testid="answer-table">
                <TableHead columns={result.table.columns} actions={false} />
                <tbody>
                  {result.table.rows.map((r, i) => (
                    <tr key={i}>
                      {result.table!.columns.map((c) => (
                        <td key={c}>{r[c] === null ? '' : String(r[c])}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <details data-testid="how">
              <summary>How I got this</summary>
              <ol>
                {result.steps.map((s, i) => (
                  <li key={i}>
                    <code>{s.tool}</code> {JSON.stringify(s.input)} →{' '}
                    {s.error ? <span className="form-error inline-error">{s.error}</span> : `${s.rows} rows`}
                    {s.sql && <pre>{s.sql}</pre>}
                  </li>
                ))}
              </ol>
            </details>
          </section>
        )}
        <AiSettings status={status} />
        <section className="table-card summary" data-testid="summary" aria-labelledby="summary-title">
          <div className="table-card-head">
            <h2 id="summary-title">Summary</h2>
            <span>
              <button type="button" onClick={() => void summarize('day')}>
                Today
              </button>{' '}
              <button type="button" onClick={() => void summarize('week')}>
                This week
              </button>
            </span>
          </div>
          {summary ? (
            <>
              <p className="answer-text" data-testid="summary-text">
                {summary.text}
              </p>
              <p className="muted">
                {summary.engineNote ??
                  (summary.engine === 'model' ? 'Written by the AI model from the facts below.' : 'Written by the template from the facts below.')}
              </p>
              <p className="muted" data-testid="summary-facts">
                Facts:{' '}
                {summary.facts
                  .filter((f) => f.employee === undefined)
                  .map((f) => `${f.label} ${f.value}`)
                  .join(' · ')}
              </p>
            </>
          ) : (
            <p className="chart-empty">Choose today or this week.</p>
          )}
        </section>
      </div>
    </div>
  );
}
