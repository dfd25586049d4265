// Behaviour of the conversation panel (gr.HTML js_on_load: `element`, `trigger` and `watch` are given).
// Citations open their source card; selecting an answer shows its sources; Copy puts plain text on the
// clipboard; "Open … in its report" asks the server to show the passage in the Documents tab.
(function () {
  const root = element;

  function select(turn) {
    root.querySelectorAll(".rag-turn").forEach((t) => {
      const on = t.dataset.turn === String(turn);
      t.classList.toggle("rag-selected", on);
      const btn = t.querySelector(".rag-show");
      if (btn) btn.setAttribute("aria-pressed", on ? "true" : "false");
    });
  }

  function showSource(turn, id) {
    select(turn);
    const card = root.querySelector("#" + CSS.escape(id));
    if (!card) return;
    const fold = card.closest("details");
    if (fold) fold.open = true;
    root.querySelectorAll(".rag-card.rag-active").forEach((c) => c.classList.remove("rag-active"));
    card.classList.add("rag-active");
    card.scrollIntoView({ block: "nearest", behavior: "instant" });
    card.focus({ preventScroll: true });
  }

  function say(button, message) {
    const status = button.parentElement.querySelector(".rag-status");
    if (status) status.textContent = message;
  }

  root.addEventListener("click", (ev) => {
    const cite = ev.target.closest("a.rag-cite");
    if (cite) {
      ev.preventDefault();
      showSource(cite.dataset.turn, cite.dataset.target);
      return;
    }
    const copy = ev.target.closest("button.rag-copy");
    if (copy) {
      navigator.clipboard.writeText(copy.dataset.copy).then(
        () => say(copy, "Copied"),
        () => say(copy, "Copying is not allowed here"),
      );
      return;
    }
    const open = ev.target.closest("button.rag-open");
    if (open) {
      trigger("open_source", { doc: open.dataset.doc, start: Number(open.dataset.start),
                               highlights: open.dataset.highlights });
      return;
    }
    const turn = ev.target.closest(".rag-turn");
    if (turn) select(turn.dataset.turn);
  });

  function showLatest() {
    const chat = root.querySelector(".rag-chat");
    const turns = root.querySelectorAll(".rag-turn");
    if (!chat || !turns.length) return;
    const last = turns[turns.length - 1];
    chat.scrollTop = Math.max(0, last.offsetTop - chat.offsetTop - 8);
  }

  // after each update, bring the newest answer into view (once per new set of turns)
  let count = -1;
  function onUpdate() {
    const n = root.querySelectorAll(".rag-turn").length;
    if (n !== count) {
      count = n;
      showLatest();
    }
  }
  new MutationObserver(onUpdate).observe(root, { childList: true, subtree: true });
  onUpdate();
})();
