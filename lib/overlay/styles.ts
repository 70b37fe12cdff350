/**
 * Styles inside the overlay's shadow roots. `:host { all: initial }` stops the CRM's CSS from
 * leaking in; px units only (CRMs change the root font size); light and dark palettes follow
 * the CRM page's own background (data-theme on the host) rather than the OS alone.
 */
const PALETTE = `
:host { all: initial; --fg:#16325c; --muted:#54698d; --bg:#ffffff; --line:#d8dde6; --chip:#f3f6fa;
  --platinum:#5b4bb7; --gold:#a86500; --iron:#4a6275; --lead:#7a7a7a; --low:#2e844a; --medium:#b76e00; --high:#c23934; --focus:#0b5cab; }
:host([data-theme="dark"]) { --fg:#e8edf4; --muted:#a9b6c6; --bg:#1f2630; --line:#3a4656; --chip:#2b3543;
  --platinum:#b3a6ff; --gold:#ffc56b; --iron:#9fb6c8; --lead:#bdbdbd; --low:#6fd28d; --medium:#ffb347; --high:#ff7b76; --focus:#8ab4ff; }
* { box-sizing: border-box; font-family: -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", Roboto, sans-serif; }
button { font: inherit; font-size: 12px; color: var(--fg); background: var(--chip); border: 1px solid var(--line); border-radius: 4px; padding: 2px 8px; cursor: pointer; }
button:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.chip { display: inline-flex; align-items: center; gap: 4px; font-size: 12px; font-weight: 600; line-height: 18px; padding: 0 8px; border-radius: 9px; background: var(--chip); color: var(--fg); white-space: nowrap; }
.chip::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
.t-platinum { color: var(--platinum); } .t-gold { color: var(--gold); } .t-iron { color: var(--iron); } .t-lead { color: var(--lead); }
.r-low { color: var(--low); } .r-medium { color: var(--medium); } .r-high { color: var(--high); }
`;

export const RECORD_CSS = `${PALETTE}
:host { display: block; margin: 6px 0; color: var(--fg); font-size: 13px; line-height: 18px; }
:host([data-floating]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; width: 360px; max-height: 70vh; overflow: auto;
  background: var(--bg); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.2); padding: 8px; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.nba { font-size: 12px; color: var(--fg); }
.nba b { font-weight: 600; }
.card { margin-top: 6px; padding: 10px 12px; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; max-width: 560px; }
.card[hidden] { display: none; }
h3 { margin: 8px 0 4px; font-size: 12px; font-weight: 700; color: var(--muted); text-transform: uppercase; letter-spacing: .02em; }
h3:first-child { margin-top: 0; }
ul, ol { margin: 0; padding-left: 18px; }
li { margin: 2px 0; }
.pts { display: inline-block; min-width: 34px; font-variant-numeric: tabular-nums; font-weight: 600; }
.up { color: var(--high); } .down { color: var(--low); }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 6px 0; }
dt { color: var(--muted); } dd { margin: 0; font-variant-numeric: tabular-nums; }
.act { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin: 4px 0; }
.act span { flex: 1 1 220px; }
.muted { color: var(--muted); font-size: 12px; }
.note { color: var(--muted); font-size: 11px; margin-bottom: 4px; }
`;

export const CHIP_CSS = `${PALETTE}
:host { display: inline-flex; gap: 4px; margin-left: 6px; vertical-align: middle; }
.chip { font-size: 11px; line-height: 16px; padding: 0 6px; }
`;
