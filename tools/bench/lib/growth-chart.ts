// The growth bench's picture, an SVG line chart written by hand (no chart library is installed, and a
// dozen lines of SVG do not call for one): the cost of each request (CPU time) beside the empty store, by the number of
// objects (a log scale, the empty store at its left), one colour per request, solid in memory, dashed in a
// file, with the 2× target drawn across.

export interface Series {
  store: string;
  load: string;
  /** Cost beside the empty store at each size. */
  costs: readonly number[];
}

const WIDTH = 760;
const HEIGHT = 440;
const LEFT = 60;
const RIGHT = 220;
const TOP = 40;
const BOTTOM = 60;
const COLOURS = ['#1b6ac9', '#d9480f', '#2b8a3e', '#862e9c', '#495057'];

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function growthChart(sizes: readonly number[], series: readonly Series[]): string {
  const loads = [...new Set(series.map((line) => line.load))];
  const stores = [...new Set(series.map((line) => line.store))];
  const top = Math.max(2.5, ...series.flatMap((line) => line.costs)) * 1.1;
  // The empty store sits one decade left of the smallest size.
  const decades = sizes.map((size) => Math.log10(size));
  const first = Math.min(...decades) - 1;
  const last = Math.max(...decades);
  const x = (decade: number): number => LEFT + ((decade - first) / (last - first)) * (WIDTH - LEFT - RIGHT);
  const y = (cost: number): number => HEIGHT - BOTTOM - (cost / top) * (HEIGHT - TOP - BOTTOM);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${LEFT}" y="22" font-size="14" font-weight="bold">Sandbox: CPU time per request beside the empty store</text>`,
  ];
  for (let tick = 0; tick <= top; tick += 0.5)
    out.push(
      `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e9ecef"/>`,
      `<text x="${LEFT - 8}" y="${y(tick) + 4}" text-anchor="end">${tick.toFixed(1)}×</text>`,
    );
  out.push(
    `<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(2)}" y2="${y(2)}" stroke="#c92a2a" stroke-dasharray="2 3"/>`,
    `<text x="${WIDTH - RIGHT - 4}" y="${y(2) - 5}" text-anchor="end" fill="#c92a2a">target for lists: ≤ 2×</text>`,
  );
  for (const [i, label] of ['empty', ...sizes.map((size) => size.toLocaleString('en'))].entries()) {
    const at = x(i === 0 ? first : decades[i - 1]!);
    out.push(`<text x="${at}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle">${label}</text>`);
  }
  out.push(`<text x="${(LEFT + WIDTH - RIGHT) / 2}" y="${HEIGHT - 16}" text-anchor="middle">objects in the store (log scale)</text>`);
  for (const line of series) {
    const colour = COLOURS[loads.indexOf(line.load) % COLOURS.length]!;
    const dash = stores.indexOf(line.store) === 0 ? '' : ' stroke-dasharray="7 4"';
    const points = [[x(first), y(1)], ...line.costs.map((cost, i) => [x(decades[i]!), y(cost)])];
    out.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2"${dash} points="${points.map(([px, py]) => `${px!.toFixed(1)},${py!.toFixed(1)}`).join(' ')}"/>`,
    );
    for (const [px, py] of points.slice(1)) out.push(`<circle cx="${px!.toFixed(1)}" cy="${py!.toFixed(1)}" r="3" fill="${colour}"/>`);
  }
  loads.forEach((load, i) => {
    const ly = TOP + 20 + i * 20;
    out.push(
      `<line x1="${WIDTH - RIGHT + 20}" x2="${WIDTH - RIGHT + 44}" y1="${ly}" y2="${ly}" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2"/>`,
      `<text x="${WIDTH - RIGHT + 50}" y="${ly + 4}">${escapeXml(load)}</text>`,
    );
  });
  stores.forEach((store, i) => {
    const ly = TOP + 30 + (loads.length + i) * 20;
    out.push(
      `<line x1="${WIDTH - RIGHT + 20}" x2="${WIDTH - RIGHT + 44}" y1="${ly}" y2="${ly}" stroke="#495057" stroke-width="2"${i === 0 ? '' : ' stroke-dasharray="7 4"'}/>`,
      `<text x="${WIDTH - RIGHT + 50}" y="${ly + 4}">${escapeXml(store === 'memory' ? 'in memory' : 'in a file')}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
