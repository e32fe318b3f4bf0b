(() => {
  let live = null, lastProgress = '', lastProgressAt = 0, pendingFocus = null;
  const seen = new Set();  // data-nonce values already handled: Gradio updates HTML in place, so elements persist
  window.__qaAnnounced = [];
  function qaAnnounce(text) {
    text = (text || '').replace(/\s+/g, ' ').trim();
    if (!text || !live) return;
    window.__qaAnnounced.push(text);
    live.textContent = '';
    setTimeout(() => { live.textContent = text; }, 100);
  }
  window.qaAnnounce = qaAnnounce;
  async function qaCopy(button, text) {
    try { await navigator.clipboard.writeText(text); }
    catch (err) {
      const area = document.createElement('textarea'); area.value = text; document.body.appendChild(area);
      area.select(); try { document.execCommand('copy'); } catch (e2) {} area.remove();
    }
    window.__qaLastCopied = text;
    const label = button.textContent; button.textContent = 'Copied';
    qaAnnounce(button.classList.contains('qa-copy-md') ? 'Copied as Markdown.' : 'Copied the excerpt and its citation.');
    setTimeout(() => { button.textContent = label; }, 1500);
  }
  function qaSend(payload) {
    const box = document.querySelector('#qa-action textarea, #qa-action input');
    const go = document.getElementById('qa-action-go');
    if (!box || !go) return;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), 'value').set;
    setter.call(box, JSON.stringify(Object.assign({nonce: Date.now() + Math.random()}, payload)));
    box.dispatchEvent(new Event('input', {bubbles: true}));
    setTimeout(() => go.click(), 50);
  }
  window.qaSend = qaSend;
  function closeViewer() {
    qaSend({action: 'close-viewer', key: '', index: -1});
    const key = window.__qaOpener;
    const opener = key && Array.from(document.querySelectorAll('#qa-passages .qa-open'))
      .find((b) => b.getAttribute('data-key') === key);
    if (opener) opener.focus();
    qaAnnounce('Document closed.');
  }
  document.addEventListener('click', (event) => {
    const copy = event.target.closest('[data-copy]');
    if (copy) { qaCopy(copy, copy.getAttribute('data-copy')); return; }
    const act = event.target.closest('[data-action]');
    if (!act) return;
    event.preventDefault();
    const action = act.getAttribute('data-action');
    const index = parseInt(act.getAttribute('data-index') || '-1', 10);
    if (action === 'close-viewer') { closeViewer(); return; }
    if (action === 'open') window.__qaOpener = act.getAttribute('data-key');
    if (action === 'up' || action === 'down' || action === 'remove') {
      const n = document.querySelectorAll('#qa-briefing .qa-bitem').length;
      const to = action === 'up' ? Math.max(index - 1, 0) : action === 'down' ? Math.min(index + 1, n - 1)
               : Math.min(index, n - 2);
      pendingFocus = {action: action === 'remove' ? 'remove' : action, index: to};
    }
    qaSend({action, key: act.getAttribute('data-key') || '', index});
    if (act.hasAttribute('data-done')) {
      const label = act.textContent; act.textContent = act.getAttribute('data-done');
      setTimeout(() => { act.textContent = label; }, 1500);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const viewer = document.querySelector('#qa-viewer .qa-viewer');
    if (viewer && viewer.contains(document.activeElement)) { event.preventDefault(); closeViewer(); }
  });
  function scan() {
    document.querySelectorAll('[data-announce][data-nonce]').forEach((el) => {
      const nonce = el.getAttribute('data-nonce');
      if (seen.has(nonce)) return;
      seen.add(nonce);
      qaAnnounce(el.getAttribute('data-announce') || el.textContent);
    });
    const list = document.querySelector('#qa-briefing .qa-blist, #qa-briefing .qa-empty');
    const listNonce = list && list.getAttribute('data-nonce');
    if (listNonce && !seen.has(listNonce)) {
      seen.add(listNonce);
      if (pendingFocus) {
        const want = pendingFocus; pendingFocus = null;
        const target = document.querySelector(`#qa-briefing [data-action="${want.action}"][data-index="${want.index}"]`)
          || document.querySelector('#qa-briefing [data-action="remove"]')
          || document.querySelector('#qa-briefing-title input, #qa-briefing-title textarea');
        if (target) target.focus();
      }
    }
    // Indexing progress (Gradio's progress bar text, "Indexing: embedding passages - 40.0%"): each new stage at
    // once, the percentage at most every 5 s.
    const progress = Array.from(document.querySelectorAll('#qa-tab-docs .progress-level-inner'))
      .map((el) => el.textContent.trim()).filter(Boolean)[0];
    if (progress) {
      const stage = progress.replace(/[\s\-]*[\d.]+%$/, ''), now = Date.now();
      if (stage !== lastProgress || now - lastProgressAt > 5000) {
        lastProgress = stage; lastProgressAt = now;
        qaAnnounce(progress);
      }
    }
    document.querySelectorAll('.toast-header[role="button"]').forEach((el) => {
      el.removeAttribute('role'); el.removeAttribute('tabindex');
    });
    document.querySelectorAll('button.upload-container[aria-label]:not(.icon-mode)').forEach((el) => {
      if (el.innerText.trim()) el.removeAttribute('aria-label');  // the visible text names it
    });
    // Once files are chosen, Gradio's "add more files" is a button inside a button, named by an untranslated key.
    // Name the outer button, disable the inner one (out of the accessibility tree's focus order, clicks pass
    // through it) and let the outer one open the file picker.
    document.querySelectorAll('button.icon-button[aria-label="common.upload"]').forEach((outer) => {
      outer.setAttribute('aria-label', 'Add more files'); outer.setAttribute('title', 'Add more files');
      const inner = outer.querySelector('button.upload-container');
      if (inner && !inner.disabled) { inner.disabled = true; inner.style.pointerEvents = 'none'; }
      if (!outer.__qaClick) {
        outer.__qaClick = true;
        outer.addEventListener('click', (ev) => {
          const input = outer.querySelector('input[type=file]');
          if (!input || ev.target === input) return;
          input.value = ''; input.click();
        });
      }
    });
    document.querySelectorAll('.empty[aria-label]:not([role])').forEach((el) => el.setAttribute('role', 'img'));
  }
  function init() {
    if (live) return;
    live = document.createElement('div');
    live.id = 'qa-live'; live.className = 'qa-sr-only';
    live.setAttribute('role', 'status'); live.setAttribute('aria-live', 'polite'); live.setAttribute('aria-atomic', 'true');
    document.body.appendChild(live);
    let queued = false;
    new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; scan(); });
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
    scan();
  }
  if (document.body) init(); else document.addEventListener('DOMContentLoaded', init);
})();
