// Unsaved form input across a lock. Locking unmounts every screen (no patient stays in the page);
// what was typed is taken from the open forms first and kept encrypted under a key made for this
// lock alone — AES-GCM, non-extractable, so the page's own script cannot read it back out — and
// given back only to the same user's unlock. Another sign-in or a sign-out drops it unread.
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

const open = new Map<string, () => unknown>(); // draft key → the form's current values
let restored = new Map<string, unknown>(); // unsealed at unlock, waiting for their form to mount
let sealed: {
  owner: string;
  key: CryptoKey;
  items: { name: string; iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer }[];
} | null = null;

/** Takes what every open form holds, then encrypts it for `owner`; nothing readable is kept. */
export async function sealDrafts(owner: string): Promise<void> {
  const plain = new Map(restored);
  for (const [name, read] of open) plain.set(name, read());
  // Nothing open (the screens already went): a seal made a moment ago for this lock stays.
  if (!plain.size) return;
  restored = new Map();
  sealed = null;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const encoder = new TextEncoder();
  const items = await Promise.all(
    [...plain].map(async ([name, value]) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      return {
        name,
        iv,
        data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(value))),
      };
    }),
  );
  sealed = { owner, key, items };
}

/** At the same user's unlock: decrypts the drafts for their forms to take as they mount. */
export async function unsealDrafts(owner: string): Promise<void> {
  const s = sealed;
  sealed = null;
  if (!s || s.owner !== owner) return;
  const decoder = new TextDecoder();
  for (const item of s.items) {
    restored.set(
      item.name,
      JSON.parse(decoder.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: item.iv }, s.key, item.data))),
    );
  }
}

/** Someone else signs in, or the user signs out: every draft goes. */
export function dropDrafts(): void {
  sealed = null;
  restored = new Map();
}

/**
 * State like useState, named by `key` (e.g. `patient:new`), that survives a lock: sealed with the
 * others when the screen locks, and taken back when this form mounts again after the unlock.
 */
export function useDraft<T>(key: string | undefined, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => {
    if (key && restored.has(key)) {
      const v = restored.get(key) as T;
      restored.delete(key);
      return v;
    }
    return typeof initial === 'function' ? (initial as () => T)() : initial;
  });
  const current = useRef(value);
  current.current = value;
  useEffect(() => {
    if (!key) return;
    open.set(key, () => current.current);
    return () => void open.delete(key);
  }, [key]);
  return [value, setValue];
}
