/**
 * 听新闻 on every story: a 听 button reads the story aloud in Mandarin with the browser's own
 * speech synthesis, paragraph by paragraph (no third-party service); a story with an audio
 * file plays that instead. The page carries only this loader, in its one inline script: it
 * shows the button where it can work (speech synthesis, or the story's audio) and fetches the
 * reader (public/listen.js) on the first press.
 */

import { createHash } from 'node:crypto';
import reader from '../../public/listen.js?raw';

/**
 * The reader, loaded on the first press (a site path): versioned by a hash of its content,
 * taken when the site is built, so a new reader is fetched past every cache of the old.
 */
export const LISTEN_SCRIPT = `/listen.js?v=${createHash('sha256').update(reader).digest('hex').slice(0, 12)}`;

export const LISTEN_LOADER = `(function(d,w){d.addEventListener("DOMContentLoaded",function(){d.querySelectorAll("[data-listen]").forEach(function(b){if("speechSynthesis"in w||b.hasAttribute("data-audio"))b.hidden=!1})});d.addEventListener("click",function(e){var b=e.target.closest("[data-listen]");if(!b||b.hasAttribute("data-loaded"))return;b.setAttribute("data-loaded","");var s=d.createElement("script");s.src=b.getAttribute("data-listen");s.onload=function(){w.campaignListen(b)};d.head.appendChild(s)})})(document,window)`;
