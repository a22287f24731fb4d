/**
 * The page's state in one place, and a hook that re-renders a component when it changes.
 * Small on purpose: one object, replaced (never mutated) by `set`, so undo, redo and
 * comparisons keep the states they hold.
 */
import { useEffect, useState } from "preact/hooks";

export class Store<S> {
  private listeners = new Set<() => void>();

  constructor(private current: S) {}

  get state(): S {
    return this.current;
  }

  set(change: Partial<S> | ((state: S) => Partial<S>)): void {
    const patch = typeof change === "function" ? change(this.current) : change;
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The store's state, re-rendering on every change. */
export function useStore<S>(store: Store<S>): S {
  const [, tick] = useState(0);
  useEffect(() => store.subscribe(() => tick((n) => n + 1)), [store]);
  return store.state;
}
