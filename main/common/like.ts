/** Escapes LIKE wildcards so what the user typed is matched literally (use with ESCAPE '\'). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
