// HTML text helpers for the hand-written pages. Every text from the catalog or the spec goes through `escapeHtml`.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Escapes the text, then renders its `code spans` (the only markup the catalog's texts use). */
export const inlineMarkup = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);
