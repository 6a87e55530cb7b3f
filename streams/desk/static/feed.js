// The snapshot, then the numbered stream after it. The browser resends the id of the last update it got
// (Last-Event-ID) when it reconnects, and the desk replays what came after it, once; when the desk
// cannot (the page was away too long, or the desk restarted and numbers its updates anew) it says
// `reset` and the page reloads the snapshot.

export function startFeed({ onSnapshot, onEvent, onAlert, onStatus }) {
  let last = "";  // "<run>-<number>" of the last update the page has
  let source = null;

  async function load() {
    const response = await fetch("api/snapshot");
    if (!response.ok) throw new Error(`desk answered ${response.status}`);
    const snapshot = await response.json();
    last = `${snapshot.run}-${snapshot.seq}`;
    onSnapshot(snapshot);
    open();
  }

  function open() {
    source?.close();
    source = new EventSource(`api/stream?since=${encodeURIComponent(last)}`);
    source.onopen = () => onStatus("live");
    source.onerror = () => {
      onStatus("reconnecting");
      if (source.readyState === EventSource.CLOSED) setTimeout(open, 3000);  // the browser gave up: we do not
    };
    const take = (handler) => (message) => {
      last = message.lastEventId;
      handler(JSON.parse(message.data));
    };
    source.addEventListener("event", take(onEvent));
    source.addEventListener("alert", take(onAlert));
    source.addEventListener("reset", () => { source.close(); load().catch(() => onStatus("down")); });
  }

  load().catch(() => onStatus("down"));
}
