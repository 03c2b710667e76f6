// A local OpenAI-compatible endpoint for tests (these machines have no internet): POST
// /v1/chat/completions answers with the next scripted reply — a list of tool calls, a text, or
// an HTTP error — and keeps every request so a test can read what the app sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedReply =
  { tools: { name: string; arguments: Record<string, unknown> | string }[] } | { text: string } | { status: number; message?: string };

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string | null; tool_call_id?: string; tool_calls?: unknown[] }[];
  tools?: { function: { name: string } }[];
}

export interface OpenAiTestServer {
  /** Base URL to configure, ending in /v1. */
  url: string;
  requests: ChatRequest[];
  /** Replies to give, in order; when none is left, the fallback answers (by default, a 500). */
  script(...replies: ScriptedReply[]): void;
  setFallback(reply: ScriptedReply): void;
  close(): Promise<void>;
}

export async function startOpenAiTestServer(): Promise<OpenAiTestServer> {
  const queue: ScriptedReply[] = [];
  const requests: ChatRequest[] = [];
  let calls = 0;
  let fallback: ScriptedReply = { status: 500, message: 'no scripted reply' };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      requests.push(JSON.parse(body) as ChatRequest);
      const reply = queue.shift() ?? fallback;
      if ('status' in reply) {
        res
          .writeHead(reply.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: reply.message ?? 'scripted failure', type: 'server_error' } }));
        return;
      }
      calls += 1;
      const message =
        'text' in reply
          ? { role: 'assistant', content: reply.text }
          : {
              role: 'assistant',
              content: null,
              tool_calls: reply.tools.map((t, i) => ({
                id: `call_${calls}_${i}`,
                type: 'function',
                function: { name: t.name, arguments: typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments) },
              })),
            };
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${calls}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: JSON.parse(body).model,
          choices: [{ index: 0, message, finish_reason: 'text' in reply ? 'stop' : 'tool_calls' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    script: (...replies) => void queue.push(...replies),
    setFallback: (reply) => void (fallback = reply),
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
