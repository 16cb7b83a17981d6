import { css } from '../trustedMarkup';

/** The printable profile's styles (also those of the page saying a link has expired). */
export const PROFILE_CSS = css`
:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Ethiopic",sans-serif;margin:0;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fff;max-width:48rem;margin-inline:auto}
h1{font-size:1.6rem;margin:.2rem 0 .5rem}
h2{font-size:1.15rem;margin:1.4rem 0 .4rem;border-bottom:2px solid #0b5cad;padding-bottom:.2rem}
.meta{color:#555;font-size:.9rem}
table{width:100%;border-collapse:collapse;font-size:.95rem}
th,td{text-align:start;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
.level{white-space:nowrap;font-weight:600}
.bar{display:inline-block;height:.6rem;background:#0b5cad;border-radius:.3rem;margin-inline-start:.4rem;vertical-align:middle}
.recommendation{background:#eef5fc;border-inline-start:4px solid #0b5cad;padding:.6rem .8rem;margin-top:1rem}
.actions{margin-top:1.2rem;display:flex;gap:.6rem;flex-wrap:wrap}
.actions a,.actions button{font:inherit;padding:.5rem .9rem;border:1px solid #0b5cad;border-radius:.4rem;background:#fff;color:#0b5cad;text-decoration:none;cursor:pointer}
footer{margin-top:1.5rem;font-size:.85rem;color:#555}
@media print{.actions{display:none}body{padding:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}@page{margin:1.5cm}}
`;
