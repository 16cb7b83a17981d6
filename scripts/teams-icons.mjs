#!/usr/bin/env node
/**
 * Draws the Teams app icons into deploy/teams/: color.png (192 × 192, a white bridge on
 * Passerelle's teal) and outline.png (32 × 32, the white bridge on transparency), as Teams asks.
 * Replace them with your own artwork if you have some (same sizes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEAL = [0x0b, 0x6e, 0x79];

/** Whether (u, v), in 0..1 across the icon, is on the bridge: a deck and an arch with two pillars. */
function onBridge(u, v) {
  const deck = v > 0.56 && v < 0.64 && u > 0.12 && u < 0.88;
  const dx = (u - 0.5) / 0.3;
  const archTop = 0.64 - 0.26 * Math.sqrt(Math.max(0, 1 - dx * dx));
  const arch = Math.abs(dx) <= 1 && v > archTop - 0.035 && v < archTop + 0.035;
  const pillars = v >= 0.56 && v < 0.82 && (Math.abs(u - 0.2) < 0.035 || Math.abs(u - 0.8) < 0.035);
  return deck || arch || pillars;
}

function draw(size, background) {
  const samples = 4;
  return encodePng(size, size, (x, y) => {
    let hits = 0;
    for (let i = 0; i < samples; i++) for (let j = 0; j < samples; j++) if (onBridge((x + (i + 0.5) / samples) / size, (y + (j + 0.5) / samples) / size)) hits++;
    const cover = hits / (samples * samples);
    if (background) return [...background.map((c) => Math.round(c + (255 - c) * cover)), 255];
    return [255, 255, 255, Math.round(255 * cover)];
  });
}

const dir = path.join(ROOT, 'deploy', 'teams');
fs.writeFileSync(path.join(dir, 'color.png'), draw(192, TEAL));
fs.writeFileSync(path.join(dir, 'outline.png'), draw(32, undefined));
console.log('wrote deploy/teams/color.png and outline.png');
