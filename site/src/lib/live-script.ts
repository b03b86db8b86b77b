/**
 * The live page's one script beside the 长者模式 switch, present only while the live is on
 * (直播中): every few seconds it fetches the live's entries file and brings the list in line
 * with it (new entries in place, changed ones replaced, withdrawn ones removed, the state
 * shown), and stops once the live has ended. The entries' HTML is the publisher's, made by
 * views/live-entry.ts with everything typed escaped; without script the page shows what was
 * approved when it was built.
 */
export const LIVE_POLL_SCRIPT = `(function(d){var list=d.getElementById("live-entries");if(!list||!window.fetch)return;var src=list.getAttribute("data-src"),every=+list.getAttribute("data-every")||3000,state=d.getElementById("live-state");function later(){setTimeout(tick,every)}function tick(){fetch(src,{cache:"no-store"}).then(function(r){return r.ok?r.json():null}).then(function(data){if(!data||!data.entries){later();return}var have={},keep={},prev=null;list.querySelectorAll("[data-entry]").forEach(function(el){have[el.getAttribute("data-entry")]=el});data.entries.forEach(function(e){keep[e.documentId]=1;var t=d.createElement("template");t.innerHTML=e.html;var fresh=t.content.firstElementChild,el=have[e.documentId];if(!fresh)return;if(!el){el=fresh;el.classList.add("live-new")}else if(el.getAttribute("data-updated")!==fresh.getAttribute("data-updated")){el.replaceWith(fresh);el=fresh}if(prev?prev.nextElementSibling!==el:list.firstElementChild!==el){if(prev)prev.after(el);else list.prepend(el)}prev=el});Object.keys(have).forEach(function(id){if(!keep[id])have[id].remove()});if(state)state.textContent=data.stateName;if(data.state==="on_air")later()}).catch(later)}later()})(document)`;

/**
 * The live page's question form (网友提问) with script: the question is posted in place and
 * the CMS's answer (a receipt, or the refusal naming the field) shown beside the form. Without
 * script the form posts as a page and the CMS answers with one.
 */
export const LIVE_QUESTION_SCRIPT = `(function(d){var f=d.getElementById("live-ask");if(!f||!window.fetch||!window.URLSearchParams)return;var m=JSON.parse(f.getAttribute("data-messages")),s=f.querySelector(".form-status"),b=f.querySelector("button");f.addEventListener("submit",function(e){e.preventDefault();s.textContent=m.sending;b.disabled=true;fetch(f.action,{method:"POST",headers:{Accept:"application/json"},body:new URLSearchParams(new FormData(f))}).then(function(r){return r.json().catch(function(){return null}).then(function(j){if(r.ok){s.textContent=j&&j.message||m.received;f.reset()}else s.textContent=j&&j.error&&j.error.message||m.failed})},function(){s.textContent=m.offline}).then(function(){b.disabled=false})})})(document)`;
