// articlex inspect: draws each field's outline over the page, above anything the page does.
// The data (MARKS, KINDS) is written in front of this code by articlex/view/render.py.
(() => {
  "use strict";
  const host = document.currentScript && document.currentScript.previousElementSibling;
  const root = host && host.shadowRoot;
  if (!root) return; // no declarative shadow DOM: the fallback outlines (CSS) stay
  const top = root.querySelector(".top");
  const layer = root.querySelector(".layer");
  const panel = root.querySelector(".panel");
  const colour = Object.fromEntries(KINDS.map((k) => [k.key, k.colour]));
  const html = document.documentElement;

  // The page's links and forms lead nowhere from the view (it fetches nothing).
  for (const type of ["click", "auxclick", "submit"]) {
    document.addEventListener(type, (event) => {
      const path = event.composedPath();
      if (path.includes(host)) return;
      if (type === "submit" || path.some((n) => n instanceof Element && n.matches("a[href], area[href]"))) {
        event.preventDefault();
      }
    }, true);
  }

  // Outlines: one box and one label a mark, placed from the element's box at every frame that needs it.
  const boxes = [];
  for (const mark of MARKS) {
    const el = document.querySelector(`[data-articlex~="${mark.id}"]`);
    const box = document.createElement("div");
    box.className = "box kind-" + mark.kind;
    box.dataset.mark = mark.id;
    box.dataset.kind = mark.kind;
    box.style.setProperty("--c", colour[mark.kind]);
    const label = document.createElement("span");
    label.className = LABELS_AT_END ? "label end" : "label";
    label.textContent = mark.label;
    box.append(label);
    layer.append(box);
    boxes.push({ mark, el, box, label });
  }

  // Two marks on one element (a body block naming an agency): their labels side by side.
  let stacked = false;
  function stack() {
    const offset = new Map();
    for (const { el, label } of boxes) {
      if (!el) continue;
      const left = offset.get(el) || 0;
      if (left) label.style[LABELS_AT_END ? "marginRight" : "marginLeft"] = left + "px";
      offset.set(el, left + label.offsetWidth + 3);
    }
    stacked = true;
  }

  const PAD = 2; // px between an element and its outline
  const SMALL_BOX = 40; // px: a box this low (a counter, a name) has its label beside it, not over the line above
  function place() {
    const width = html.clientWidth;
    for (const { el, box, label } of boxes) {
      const r = el && el.isConnected ? el.getBoundingClientRect() : null;
      if (!r || (r.width === 0 && r.height === 0)) {
        box.hidden = true;
        continue;
      }
      box.hidden = false;
      box.style.left = r.left - PAD + "px";
      box.style.top = r.top - PAD + "px";
      box.style.width = r.width + 2 * PAD + "px";
      box.style.height = r.height + 2 * PAD + "px";
      const small = !LABELS_AT_END && r.height < SMALL_BOX && r.width < 4 * SMALL_BOX;
      label.classList.toggle("beside", small);
      label.classList.toggle("inside", !small && !LABELS_AT_END && r.top < 18);
      label.classList.toggle("right", r.left + 160 > width);
    }
    if (!stacked) stack();
  }
  let queued = false;
  function schedule() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; place(); });
  }
  addEventListener("scroll", schedule, { capture: true, passive: true });
  addEventListener("resize", schedule, { passive: true });
  if ("ResizeObserver" in window) new ResizeObserver(schedule).observe(html);

  // Above everything: the top layer where the browser has it (no z-index reaches it).
  if (top.showPopover) {
    top.setAttribute("popover", "manual");
    top.showPopover();
  }
  const fallback = document.getElementById(FALLBACK_STYLE);
  if (fallback) fallback.remove();

  // The panel takes its room at the right of the page; folded, it gives it back.
  function fold(folded) {
    panel.classList.toggle("folded", folded);
    if (folded) html.style.removeProperty("margin-right");
    else html.style.setProperty("margin-right", panel.offsetWidth + "px", "important");
    schedule();
  }
  root.querySelector(".fold").addEventListener("click", () => fold(!panel.classList.contains("folded")));

  // Legend: a kind's button shows or hides its outlines.
  for (const button of root.querySelectorAll(".key")) {
    button.addEventListener("click", () => {
      const off = button.classList.toggle("off");
      layer.classList.toggle("hide-" + button.dataset.kind, off);
    });
  }
  // A field's row: scroll its first outline into view and make it blink.
  for (const row of root.querySelectorAll(".row[data-marks]")) {
    row.addEventListener("click", () => {
      const ids = row.dataset.marks.split(" ");
      const first = boxes.find((b) => ids.includes(b.mark.id) && b.el);
      if (!first) return;
      first.el.scrollIntoView({ block: "center", behavior: "instant" });
      for (const b of boxes) if (ids.includes(b.mark.id)) {
        b.box.classList.remove("flash");
        void b.box.offsetWidth;
        b.box.classList.add("flash");
      }
    });
  }
  fold(false);
  place();
  host.dataset.ready = "true";
})();
