/**
 * 长者模式, the large-type, high-contrast reading mode with larger touch targets that the MIIT
 * 适老化 guidance for websites asks for (styles: `html.elder` in global.css). One button in
 * every page's header switches it; the choice is kept in the browser's local storage (no
 * cookie, nothing sent anywhere) and a link may set it with `?elder=1` or `?elder=0`.
 *
 * This is the one script of a content page, inline in <head> so the mode applies before the
 * first paint; it is tested to be exactly this (tests/site/site.test.ts).
 */

/** The class on <html>, the local storage key and the URL parameter, all one name. */
export const ELDER_MODE = 'elder';

/**
 * Reads the URL parameter (and keeps it) or the stored choice, marks <html> (`js` shows the
 * button, which does nothing without a script), answers the button's clicks, and tells the
 * button its state. Storage may be refused (private modes): the mode then lasts for the page.
 */
export const ELDER_MODE_SCRIPT = `(function(d,h,k){var on=!1;try{var q=new URLSearchParams(location.search).get(k);if(q==="1"||q==="0")localStorage.setItem(k,q);on=localStorage.getItem(k)==="1"}catch(e){}h.classList.add("js");h.classList.toggle(k,on);function show(){d.querySelectorAll(".elder-toggle").forEach(function(b){b.setAttribute("aria-pressed",on)})}d.addEventListener("DOMContentLoaded",show);d.addEventListener("click",function(e){if(!e.target.closest(".elder-toggle"))return;on=h.classList.toggle(k);show();try{localStorage.setItem(k,on?"1":"0")}catch(e){}})})(document,document.documentElement,${JSON.stringify(ELDER_MODE)})`;
