/**
 * The slideshow's only script, inline in its page: the site's policy allows exactly this text by its
 * hash (security-headers.ts), so no other script can run on any public page.
 */
import { createHash } from 'node:crypto';

export const SLIDES_SCRIPT = `(function(){var d=document,s=[].slice.call(d.querySelectorAll('.slide'));if(!s.length)return;d.documentElement.classList.add('slides-js');var i=0,still=window.matchMedia('(prefers-reduced-motion: reduce)').matches,paused=still,t,b=d.getElementById('slides-pause'),n=d.getElementById('slides-count');function show(k){i=(k+s.length)%s.length;s.forEach(function(e,j){e.hidden=j!==i;});n.textContent=(i+1)+' / '+s.length;}function arm(){clearTimeout(t);if(!paused)t=setTimeout(function(){show(i+1);arm();},8000);b.textContent=paused?'继续播放':'暂停';b.setAttribute('aria-pressed',paused?'true':'false');}d.getElementById('slides-controls').hidden=false;d.getElementById('slides-prev').onclick=function(){show(i-1);arm();};d.getElementById('slides-next').onclick=function(){show(i+1);arm();};b.onclick=function(){paused=!paused;arm();};d.addEventListener('keydown',function(e){if(e.key==='ArrowRight'||e.key==='PageDown'||e.key===' '){e.preventDefault();show(i+1);arm();}else if(e.key==='ArrowLeft'||e.key==='PageUp'){e.preventDefault();show(i-1);arm();}});show(0);arm();})();`;

export const SLIDES_SCRIPT_HASH = `'sha256-${createHash('sha256').update(SLIDES_SCRIPT).digest('base64')}'`;
