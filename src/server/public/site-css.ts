/**
 * The public site's styles, inlined in each page (one request per page, nothing to load first). Readable at
 * 375 px, visible focus, large-text and high-contrast variants on the root element, and print styles.
 * `[hidden]` wins over every display rule below (a slide is a grid, the controls a flex row): without it
 * the slideshow's hidden slides stayed visible, all of them at once.
 */
export const SITE_CSS = `
*{box-sizing:border-box}
[hidden]{display:none!important}
html{font-size:100%;-webkit-text-size-adjust:100%}
html.text-large{font-size:131.25%}
body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;line-height:1.75;color:#1a1a1a;background:#fff}
.wrap{max-width:70rem;margin:0 auto;padding:0 1rem}
a{color:#0b4f9c;text-decoration:underline}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible,main:focus-visible{outline:3px solid #d35400;outline-offset:2px}
.skip{position:absolute;left:-999rem;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.site-header{background:#8b1a1a;color:#fff;padding:.5rem 0}
.site-header a{color:#fff}
.site-name{font-size:1.25rem;font-weight:bold;margin:.25rem 0}
.site-header ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.site-header a{display:inline-block;padding:.25rem 0;min-height:2.75rem;line-height:2.25rem}
.view-switch{font-size:.9rem}
.view-switch a[aria-current]{font-weight:bold;text-decoration:none;border-bottom:2px solid #fff}
h1{font-size:1.6rem;line-height:1.4;margin:1.25rem 0 .75rem}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ccc}
h3{font-size:1.1rem;margin:1rem 0 .5rem}
.meta{color:#444}
.state{display:inline-block;padding:0 .5rem;border:1px solid currentColor;border-radius:.25rem;font-size:.9rem}
.state-open{color:#0a6b2d}
.state-closed{color:#555}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #999;padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f1f1f1}
.removed td{text-decoration:line-through;color:#555}
.special{font-weight:bold;color:#8b1a1a}
.notice{border-left:4px solid #8b1a1a;background:#fdf6f6;padding:.5rem 1rem;margin:1rem 0}
.errors{border:2px solid #b00020;padding:.5rem 1rem;margin:1rem 0}
.field{margin:1rem 0}
.field label,.field legend{display:block;font-weight:bold}
.field .hint{color:#444;font-size:.95rem;margin:.1rem 0}
.field .error{color:#b00020;font-weight:bold;margin:.1rem 0}
input[type=text],input[type=tel],textarea,select{width:100%;max-width:36rem;font:inherit;padding:.5rem;border:1px solid #555;border-radius:.25rem}
textarea{min-height:10rem}
button{font:inherit;padding:.5rem 1.5rem;background:#8b1a1a;color:#fff;border:0;border-radius:.25rem;min-height:2.75rem;cursor:pointer}
fieldset{border:1px solid #ccc;margin:1rem 0;padding:.5rem 1rem}
.site-footer{border-top:1px solid #ccc;margin-top:2rem;padding:1rem 0;color:#444;font-size:.9rem}
.downloads li{margin:.25rem 0}
.signature{text-align:right;margin-top:1.5rem}
html.contrast-high body{background:#000;color:#fff}
html.contrast-high a{color:#ff0}
html.contrast-high .site-header{background:#000;border-bottom:2px solid #fff}
html.contrast-high thead th{background:#222}
html.contrast-high th,html.contrast-high td{border-color:#fff}
html.contrast-high .meta,html.contrast-high .hint,html.contrast-high .site-footer,html.contrast-high .removed td{color:#fff}
html.contrast-high .notice{background:#000;border-color:#ff0}
html.contrast-high .special,html.contrast-high .state-open,html.contrast-high .state-closed{color:#ff0}
html.contrast-high .field .error{color:#ff8080}
html.contrast-high input,html.contrast-high textarea,html.contrast-high select{background:#000;color:#fff;border-color:#fff}
html.contrast-high button{background:#ff0;color:#000}
@media (max-width:30rem){h1{font-size:1.35rem}th,td{padding:.3rem}}
@media print{.site-header nav,.skip,.site-footer,.no-print{display:none}.site-header{background:none;color:#000}.site-header a{color:#000}body{font-size:11pt;color:#000;background:#fff}a{color:#000;text-decoration:none}table{page-break-inside:auto}tr{page-break-inside:avoid}}
`
  .trim()
  .replace(/\n/g, '');

/** The showcase's cards, gallery, video and slideshow; the same switches and print rules apply. */
export const SHOWCASE_CSS = `
.cards{list-style:none;margin:.5rem 0 1.5rem;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem}
.card{border:1px solid #bbb;border-radius:.25rem;padding:.5rem;background:#fff}
.card h4{margin:.25rem 0;font-size:1.1rem}
.card p{margin:.1rem 0}
.card-image img,.slide-image img{width:100%;height:auto;display:block}
.card-special,.winner-special{border:2px solid #8b1a1a}
.winner-special{padding:.25rem .75rem}
.badge-special{display:inline-block;background:#8b1a1a;color:#fff;padding:0 .5rem;border-radius:.25rem;margin-right:.5rem;font-size:.9rem}
.filters ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
.filters a{display:inline-block;min-height:2.75rem;line-height:2.75rem}
.filters a[aria-current]{font-weight:bold;text-decoration:none;border-bottom:3px solid #8b1a1a}
.filters-title{font-size:1rem;border:0;margin:.75rem 0 0}
.search label{display:block;font-weight:bold}
.search-row{display:flex;gap:.5rem;max-width:36rem}
.search-row input{flex:1}
.facts dt{font-weight:bold}
.facts dd{margin:0 0 .5rem}
.video video{width:100%;max-width:854px;height:auto;background:#000}
.gallery{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.5rem}
.gallery img{width:100%;height:auto;display:block}
.slides{list-style:none;padding:0}
.slide{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;align-items:center;border-bottom:1px solid #ccc;padding:1.5rem 0}
.slide h2{font-size:2.5rem;border:0}
.slide-text p{font-size:1.5rem}
.slides-controls{display:flex;gap:.75rem;align-items:center;margin:.5rem 0}
html.slides-js .slide{border:0;min-height:70vh}
@media (max-width:40rem){.slide{grid-template-columns:1fr}.slide h2{font-size:1.6rem}.slide-text p{font-size:1.1rem}}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto}}
html.contrast-high .card{background:#000;border-color:#fff}
html.contrast-high .card-special,html.contrast-high .winner-special{border-color:#ff0}
html.contrast-high .badge-special{background:#ff0;color:#000}
html.contrast-high .filters a[aria-current]{border-color:#ff0}
.activities{list-style:none;margin:0;padding:0}
.activity{border-top:1px solid #ccc;padding:.5rem 0 1rem}
.activity h3{margin:.5rem 0}
.activity .facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 1rem;margin:.5rem 0}
.activity .facts dd{margin:0;overflow-wrap:anywhere}
.activity .gallery{grid-template-columns:repeat(auto-fill,minmax(9rem,1fr))}
html.contrast-high .activity{border-color:#fff}
@media print{.slides-controls,video{display:none}.slide,.activity{page-break-inside:avoid}}
`
  .trim()
  .replace(/\n/g, '');
