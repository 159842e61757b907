import { useEffect, useReducer, useRef } from "preact/hooks";

type Listener = () => void;

/** A small observable state container; components subscribe with `useStore`. */
export class Store<S extends object> {
  private listeners = new Set<Listener>();

  constructor(private state: S) {}

  get(): S {
    return this.state;
  }

  set(change: Partial<S> | ((state: S) => Partial<S>)): void {
    const patch = typeof change === "function" ? change(this.state) : change;
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The selected slice of a store's state, read on every render with the current selector (so
 *  it may close over props); re-renders when a change alters the slice (Object.is). */
export function useStore<S extends object, T>(store: Store<S>, select: (state: S) => T): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = select(store.get());
  const latest = useRef({ select, value });
  latest.current = { select, value };
  useEffect(
    () =>
      store.subscribe(() => {
        if (!Object.is(latest.current.select(store.get()), latest.current.value)) rerender(0);
      }),
    [store],
  );
  return value;
}
