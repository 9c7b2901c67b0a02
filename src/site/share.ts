// Share links as plain URLs: no third-party script, no tracking parameters, work with JavaScript off.
// Every value is encoded with encodeURIComponent, so Arabic text, quotes, & and # survive intact.
import { textDirection } from "../body/safe-html.ts";

export type ShareNetwork = "whatsapp" | "x" | "facebook" | "telegram" | "email";

export interface ShareLink {
  network: ShareNetwork;
  href: string;
}

export interface Shareable {
  title: string;
  /** The canonical absolute URL of the story. */
  url: string;
}

const e = encodeURIComponent;

export function shareLinks({ title, url }: Shareable): ShareLink[] {
  return [
    { network: "whatsapp", href: `https://wa.me/?text=${e(`${title}\n${url}`)}` },
    { network: "x", href: `https://x.com/intent/post?text=${e(title)}&url=${e(url)}` },
    { network: "facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${e(url)}` },
    { network: "telegram", href: `https://t.me/share/url?url=${e(url)}&text=${e(title)}` },
    { network: "email", href: `mailto:?subject=${e(title)}&body=${e(`${title}\n\n${url}`)}` },
  ];
}

/** A share link as the share bar shows it. */
export interface ShareButton extends ShareLink {
  /** The network's name, from labels.json `networks`. */
  label: string;
  /** The name is written in the other direction than the page (X on an Arabic page): shown in <bdi>. */
  isolate: boolean;
}

/** Each link with its network's name, isolated when its letters run against the page's direction. */
export function shareButtons(links: ShareLink[], names: Record<ShareNetwork, string>, direction: "rtl" | "ltr"): ShareButton[] {
  return links.map(({ network, href }) => {
    const label = names[network];
    return { network, href, label, isolate: textDirection(label) !== direction };
  });
}
