/** The inbox's stylesheet: system fonts, one accent colour, a badge per delivery state. */
export const INBOX_CSS = `
:root { --bg: #f5f6f8; --card: #fff; --ink: #1d2330; --muted: #5f6b7a; --line: #e1e5ea; --accent: #2557d6;
  --ok: #137a3a; --ok-bg: #e3f4e8; --wait: #8a5a00; --wait-bg: #fff2d6; --bad: #b42318; --bad-bg: #fde8e6; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
header { padding: 18px 28px 12px; background: var(--card); border-bottom: 1px solid var(--line); }
h1 { margin: 0; font-size: 20px; font-weight: 600; }
h1 .brand { color: var(--accent); }
h2 { margin: 0 0 8px; font-size: 15px; font-weight: 600; }
.note { margin: 4px 0 0; color: var(--muted); }
.status { margin: 6px 0 0; font-size: 13px; color: var(--muted); }
.status.live::before { content: "● "; color: var(--ok); }
.status.down { color: var(--bad); }
main { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 24px; padding: 20px 28px; max-width: 1280px; }
@media (max-width: 860px) { main { grid-template-columns: 1fr; } }
aside section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin-bottom: 16px; }
.bar { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
.count { color: var(--muted); font-weight: 400; }
.filter { display: flex; gap: 6px; align-items: center; }
.filter label { color: var(--muted); font-size: 13px; }
input, button { font: inherit; font-size: 14px; }
input { padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; width: 12em; }
button { padding: 5px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--card); cursor: pointer; }
button:hover { border-color: var(--accent); }
button.danger:hover { border-color: var(--bad); color: var(--bad); }
ol, ul { list-style: none; margin: 0; padding: 0; }
.cards > li { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin-bottom: 10px; }
.cards > li.new { animation: arrive 1.5s ease-out; }
@keyframes arrive { from { background: #eaf0ff; } to { background: var(--card); } }
.head { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.phone { font-weight: 600; font-variant-numeric: tabular-nums; }
.channel { display: inline-block; padding: 1px 8px; border-radius: 4px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
.channel-name { font-size: .7em; font-weight: 500; }
.time { margin-left: auto; color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }
.text { margin: 8px 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 16px; }
.meta { color: var(--muted); font-size: 13px; display: flex; gap: 4px 14px; flex-wrap: wrap; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; letter-spacing: .02em; }
.badge.ok { color: var(--ok); background: var(--ok-bg); }
.badge.wait { color: var(--wait); background: var(--wait-bg); }
.badge.bad { color: var(--bad); background: var(--bad-bg); }
.numbers li { display: flex; justify-content: space-between; }
.numbers a { color: var(--accent); text-decoration: none; font-variant-numeric: tabular-nums; }
.numbers a:hover, .numbers a[aria-current] { text-decoration: underline; }
.numbers .n { color: var(--muted); font-size: 13px; }
.pushes li { padding: 6px 0; border-top: 1px solid var(--line); font-size: 13px; }
.pushes li:first-child { border-top: 0; }
.pushes .url { color: var(--muted); overflow-wrap: anywhere; }
.small, .small-cards .text { font-size: 13px; }
.small-cards > li { padding: 8px 10px; }
.empty { color: var(--muted); }
.alert { color: var(--bad); background: var(--bad-bg); padding: 6px 8px; border-radius: 6px; font-size: 13px; }
.state { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 10px; font-size: 13px; }
.state dt { color: var(--muted); }
.state dd { margin: 0; overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; }
.actions button { white-space: nowrap; font-size: 13px; padding: 4px 8px; }
code { font-size: 12px; }
`;
