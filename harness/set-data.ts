/**
 * Every setData of every component — pages, ours, Vant's — recorded while asked: bytes as JSON (what crosses from the
 * logic layer to the view layer), who called it, how long the simulator took to apply it. For the bench and for
 * tests that count setData. Importing this module hooks every component definition simulate registers from then on.
 */
import * as path from 'path';
import { MP_ROOT } from './pages';
import { onRegister } from './preview/component-tree';

export interface SetDataRecord {
  /** performance.now() when setData was called */
  at: number;
  bytes: number;
  keys: string[];
  /** the component that called it: 'pages/contacts/index', 'components/contact-avatar/index', 'vant/search' … */
  owner: string;
  /** time the simulator took to apply it (0 for a setData made while applying another: counted in that one) */
  renderMs: number;
}

let sink: SetDataRecord[] | undefined;
let depth = 0;

/** Starts collecting every setData (all components); the returned array fills until stopRecording(). */
export function startRecording(): SetDataRecord[] {
  sink = [];
  return sink;
}

export function stopRecording(): void {
  sink = undefined;
}

type SetData = (data: Record<string, unknown>, callback?: () => void) => void;
type Instance = { setData: SetData };
type Hook = (this: Instance) => void;

/**
 * Every component definition simulate registers gets a created() that records the instance's setData from the
 * very first one under the definition's file ('pages/contacts/index', 'vant/search', …): no stack traces needed.
 */
onRegister((definition) => {
  if (typeof definition.path !== 'string') return;
  const owner = path
    .relative(MP_ROOT, definition.path)
    .replace(/\\/g, '/')
    .replace(/^miniprogram_npm\/@vant\/weapp\/(.+)\/index$/, 'vant/$1');
  const lifetimes = (definition.lifetimes ?? {}) as Record<string, Hook | undefined>;
  const created = lifetimes.created ?? (definition.created as Hook | undefined);
  definition.lifetimes = {
    ...lifetimes,
    created(this: Instance) {
      const original = this.setData;
      this.setData = (data, callback) => {
        const entry = sink && {
          at: performance.now(),
          bytes: jsonBytes(data),
          keys: Object.keys(data),
          owner,
          renderMs: 0,
        };
        if (entry) sink?.push(entry);
        depth += 1;
        const started = performance.now();
        try {
          original.call(this, data, callback);
        } finally {
          depth -= 1;
          if (entry && depth === 0) entry.renderMs = performance.now() - started;
        }
      };
      created?.call(this);
    },
  };
});

export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '');
