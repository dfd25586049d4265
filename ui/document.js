// Behaviour of the report view (gr.HTML js_on_load): when a passage was opened, scroll to it and move
// the keyboard focus there once the Documents tab is visible.
(function () {
  function focusOpened(tries) {
    const target = element.querySelector("#rag-focus");
    if (!target) return;
    if (target.offsetParent === null) {  // the tab is still hidden: try again shortly
      if (tries > 0) setTimeout(() => focusOpened(tries - 1), 100);
      return;
    }
    target.scrollIntoView({ block: "center", behavior: "instant" });
    target.focus({ preventScroll: true });
  }
  // the view is re-rendered on each update: focus a newly rendered opened passage once
  // (the tab may mount with a passage already opened, so look once at load too)
  let last = null;
  function check() {
    const target = element.querySelector("#rag-focus");
    if (target && target !== last) {
      last = target;
      focusOpened(30);
    }
  }
  new MutationObserver(check).observe(element, { childList: true, subtree: true });
  check();
})();
