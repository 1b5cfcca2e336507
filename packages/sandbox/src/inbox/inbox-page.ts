/**
 * The inbox's HTML: a static shell that `inbox.js` fills in from the `/_sandbox` JSON
 * endpoints. Nothing here comes from a request, so nothing here needs escaping.
 */
export const INBOX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inbox · smskit sandbox</title>
<link rel="stylesheet" href="inbox.css">
</head>
<body>
<header>
  <h1><span class="brand">smskit sandbox</span> inbox <span id="channel" class="channel-name"></span></h1>
  <p class="note">Every message the sandbox accepted, as the handset would show it, with its receipt. <strong>State lives in memory</strong>: restarting the sandbox loses it.</p>
  <p id="status" class="status" role="status">connecting…</p>
</header>
<main>
  <section class="messages" aria-labelledby="messages-title">
    <div class="bar">
      <h2 id="messages-title">Messages <span id="message-count" class="count"></span></h2>
      <form id="filter" class="filter" role="search">
        <label for="phone">Number</label>
        <input id="phone" name="phone" type="search" inputmode="tel" autocomplete="off" placeholder="all numbers">
        <button id="show-all" type="button">All</button>
      </form>
    </div>
    <ol id="messages" class="cards"></ol>
    <p id="no-messages" class="empty">No messages yet. Send one to the sandbox and it shows here within a second.</p>
  </section>
  <aside>
    <section aria-labelledby="numbers-title">
      <h2 id="numbers-title">Numbers</h2>
      <ul id="numbers" class="numbers"></ul>
      <p id="no-numbers" class="empty small">None yet.</p>
    </section>
    <section aria-labelledby="pushes-title">
      <h2 id="pushes-title">Receipt and reply pushes</h2>
      <p id="push-target" class="small"></p>
      <p id="push-stopped" class="alert" hidden>Pushing stopped after slow answers (the platform's rule). <button id="resume" type="button">Resume pushes</button></p>
      <ol id="pushes" class="pushes"></ol>
      <p id="no-pushes" class="empty small">No pushes yet.</p>
    </section>
    <section aria-labelledby="replies-title">
      <h2 id="replies-title">Replies from handsets</h2>
      <ol id="replies" class="cards small-cards"></ol>
      <p id="no-replies" class="empty small">None. <code>POST /_sandbox/replies</code> injects one.</p>
    </section>
    <section aria-labelledby="sandbox-title">
      <h2 id="sandbox-title">Sandbox</h2>
      <dl id="state" class="state"></dl>
      <p class="actions"><button id="deliver" type="button">Deliver pending now</button> <button id="reset" type="button" class="danger">Forget everything</button></p>
    </section>
  </aside>
</main>
<script src="inbox.js"></script>
</body>
</html>
`;
