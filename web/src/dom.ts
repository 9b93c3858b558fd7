// DOM helpers. Every piece of text from outside (articles, names, URLs) goes through textContent, never innerHTML.

type Attrs = Record<string, string | undefined>;
type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children; strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Attrs = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined) e.setAttribute(k, v);
  }
  append(e, ...children);
  return e;
}

/** Appends children; strings become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

/** Removes every child. */
export function clear(e: Element): void {
  e.replaceChildren();
}

/** A link to an outside URL, only for http(s) addresses; anything else is shown as plain text. */
export function safeLink(url: string | undefined, label: string): Node {
  if (!url) return document.createTextNode(label);
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return document.createTextNode(label);
    return el("a", { href: u.href, target: "_blank", rel: "noopener noreferrer nofollow" }, label);
  } catch {
    return document.createTextNode(label);
  }
}

/** Finds an element by id or throws. */
export function byId<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`missing #${id}`);
  return e as T;
}

/** The host of a URL, or "". */
export function hostOf(url: string | undefined): string {
  if (!url) return "";
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}
