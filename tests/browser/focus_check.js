// Describe the keyboard focus as a sighted keyboard user sees it, after one press of Tab.
// Returns null when focus has left the page, else {element, problems: [...]}.
// Loaded by test_keyboard.py and evaluated in the page.
async () => {
  // Material reacts to focus after a 1 ms debounce (opening search, for one): let it. Then judge
  // what the reader sees, the next painted frame: the phone drawer slides in and re-lays out its
  // sub-menus on :has(:focus-visible), and on a busy machine that can land a frame after the Tab.
  await new Promise((resolve) => setTimeout(resolve, 3));
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;

  const MIN_CONTRAST = 3; // WCAG 1.4.11: a focus indicator needs 3:1 against what surrounds it
  const describe = (node) => {
    const text = (node.innerText || node.getAttribute("aria-label") || node.getAttribute("title") || node.value || "")
      .trim().replace(/\s+/g, " ").slice(0, 40);
    const cls = node.classList.length ? "." + [...node.classList].filter((c) => c !== "focus-visible").join(".") : "";
    return `<${node.tagName.toLowerCase()}${cls}> "${text}"`;
  };
  const parse = (colour) => {
    const m = colour.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const luminance = ({ r, g, b }) => {
    const lin = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (x, y) => {
    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  };
  // The colour a viewer sees at a point: every background stacked there, top first, down to
  // the first opaque one (fixed overlays included; the focused element itself left out).
  const backgroundAt = (x, y) => {
    const layers = [];
    for (const n of document.elementsFromPoint(x, y)) {
      if (n === el || el.contains(n) || parseFloat(getComputedStyle(n).opacity) === 0) continue;
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    return layers.reverse().reduce((under, c) => ({
      r: c.r * c.a + under.r * (1 - c.a), g: c.g * c.a + under.g * (1 - c.a), b: c.b * c.a + under.b * (1 - c.a), a: 1,
    }), { r: 255, g: 255, b: 255, a: 1 });
  };

  const problems = [];
  const style = getComputedStyle(el);
  const colours = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) colours.push(style.outlineColor);
  if (style.boxShadow && style.boxShadow !== "none") colours.push(...(style.boxShadow.match(/rgba?\([^)]+\)/g) || []));
  const rings = colours.map(parse).filter((c) => c && c.a > 0);
  if (!rings.length) problems.push("shows no focus indicator (no outline, no box-shadow)");

  const rect = [...el.getClientRects()].find((r) => r.width > 0 && r.height > 0) || el.getBoundingClientRect();
  const cx = rect.left + rect.width / 2;
  const cy = rect.top + rect.height / 2;
  if (rect.width === 0 || rect.height === 0) {
    problems.push(`has no size on screen (${rect.width}x${rect.height})`);
  } else if (cx < 0 || cy < 0 || cx > innerWidth || cy > innerHeight) {
    problems.push(`is off screen (centre at ${Math.round(cx)},${Math.round(cy)})`);
  } else {
    let opacity = 1;
    for (let n = el; n; n = n.parentElement) opacity *= parseFloat(getComputedStyle(n).opacity);
    if (opacity < 0.5) problems.push(`is nearly transparent (opacity ${opacity.toFixed(2)})`);
    const hit = document.elementFromPoint(cx, cy);
    // An ancestor on top is the element's own box (e.g. a child with pointer-events: none).
    if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) problems.push(`is covered by ${describe(hit)}`);
    if (rings.length) {
      // Where the ring is drawn: compare it with what those pixels show without it.
      const gap = Math.max(1, parseFloat(style.outlineOffset || "0") + parseFloat(style.outlineWidth || "0") / 2);
      // A scrolling or clipping container cuts off the part of the ring outside it.
      const clippers = [];
      // (The root's overflow belongs to the viewport, checked above.)
      for (let n = el.parentElement; n && n !== document.body && n !== document.documentElement; n = n.parentElement) {
        const s = getComputedStyle(n);
        if (s.overflowX !== "visible" || s.overflowY !== "visible") clippers.push(n.getBoundingClientRect());
      }
      const drawn = ([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight
        && clippers.every((c) => x >= c.left && x <= c.right && y >= c.top && y <= c.bottom);
      const around = [[rect.left - gap, cy], [rect.right + gap, cy], [cx, rect.top - gap], [cx, rect.bottom + gap]].filter(drawn);
      if (!around.length) problems.push("focus indicator is cut off on every side");
      for (const [x, y] of around) {
        const bg = backgroundAt(x, y);
        const best = Math.max(...rings.map((ring) => contrast(ring, bg)));
        if (best < MIN_CONTRAST) {
          problems.push(`focus indicator contrast ${best.toFixed(2)}:1 against rgb(${[bg.r, bg.g, bg.b].map(Math.round)})`);
          break;
        }
      }
    }
  }
  return { element: describe(el), problems };
}
