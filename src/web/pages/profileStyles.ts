import { css } from '../trustedMarkup';

/**
 * The printable profile's styles (also those of the page saying a link has expired). They fit a
 * 320 px phone: columns have set widths and a word too long for its column is hyphenated or
 * broken, a level's bar sits under its name (widths by class, so the
 * page needs no `style` attribute and its CSP allows this stylesheet by hash only).
 */
export const PROFILE_CSS = css`
:root{color-scheme:light}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Ethiopic",sans-serif;margin:0;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fff;max-width:48rem;margin-inline:auto}
h1{font-size:1.6rem;margin:.2rem 0 .5rem}
h2{font-size:1.15rem;margin:1.4rem 0 .4rem;border-bottom:2px solid #0b5cad;padding-bottom:.2rem}
.meta{color:#555;font-size:.9rem}
table{width:100%;border-collapse:collapse;font-size:.95rem;table-layout:fixed}
th,td{text-align:start;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top;overflow-wrap:break-word;hyphens:auto}
.results .framework{width:33%}.results .area{width:37%}.answers .statement{width:60%}
.level{font-weight:600}
.bar{display:block;height:.6rem;margin-top:.3rem;background:#0b5cad;border-radius:.3rem}
.bar--1{width:1.5rem}.bar--2{width:3rem}.bar--3{width:4.5rem}.bar--4{width:6rem}
.recommendation{background:#eef5fc;border-inline-start:4px solid #0b5cad;padding:.6rem .8rem;margin-top:1rem}
.actions{margin-top:1.2rem;display:flex;gap:.6rem;flex-wrap:wrap}
.actions a,.actions button{font:inherit;padding:.5rem .9rem;border:1px solid #0b5cad;border-radius:.4rem;background:#fff;color:#0b5cad;text-decoration:none;cursor:pointer}
footer{margin-top:1.5rem;font-size:.85rem;color:#555}
@media (max-width:30rem){body{padding:.75rem}th,td{padding:.35rem .3rem}}
@media print{.actions{display:none}body{padding:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}.bar{print-color-adjust:exact;-webkit-print-color-adjust:exact}@page{margin:1.5cm}}
`;
