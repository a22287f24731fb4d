/**
 * The coordinators' page: bring the roster, say what the groups must be, compose, read and
 * change the result, several gatherings, compare, take it back. Mounted on #app.
 */
import { render } from "preact";
import { App } from "./App.js";
import { Actions } from "./app/actions.js";
import type { AppState } from "./app/model.js";
import { loadSettings } from "./settings.js";
import { Store } from "./store.js";

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();

const ttl = Number(document.querySelector<HTMLMetaElement>('meta[name="tverr-job-ttl"]')?.content);
const stored = storage?.getItem("tverr.lang");
// Bokmål first; English a click away (and remembered).
const lang = stored === "en" ? "en" : "nb";
document.documentElement.lang = lang;

const initial: AppState = {
  lang,
  step: "roster",
  settings: loadSettings(storage),
  people: { apart: [], together: [], pins: {} },
  pinned: {},
  jobTtlSeconds: Number.isFinite(ttl) && ttl > 0 ? ttl : 3600,
};

const store = new Store(initial);
const actions = new Actions(store, storage);
// The language is a setting too: remembered, like the others.
store.subscribe(() => {
  try {
    storage?.setItem("tverr.lang", store.state.lang);
  } catch {
    // Not remembered.
  }
});

const root = document.getElementById("app");
if (root) render(<App store={store} actions={actions} />, root);
