// The in-process event bus behind the contract's push events. Emitted only after a commit.
import type { EventName, EventPayload } from '../shared/contract/events.js';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;
type AnyListener = (name: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  on<E extends EventName>(name: E, listener: Listener<E>): () => void;
  onAny(listener: AnyListener): () => void;
}

export function createEventBus(onListenerError: (err: unknown) => void = () => {}): EventBus {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const any = new Set<AnyListener>();
  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch (err) {
      onListenerError(err);
    }
  };
  return {
    emit(name, payload) {
      for (const l of listeners.get(name) ?? []) safely(() => l(payload));
      for (const l of any) safely(() => l(name, payload));
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onAny(listener) {
      any.add(listener);
      return () => any.delete(listener);
    },
  };
}
