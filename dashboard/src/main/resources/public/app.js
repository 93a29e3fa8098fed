// Small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
  const all = document.getElementById('select-all');
  if (all) {
    all.addEventListener('change', () => {
      document.querySelectorAll('#queue-table input[name="ids"]').forEach(b => { b.checked = all.checked; });
    });
  }
  document.querySelectorAll('button.copy[data-copy]').forEach(btn => {
    btn.addEventListener('click', async () => {
      const el = document.getElementById(btn.dataset.copy);
      if (!el) return;
      try {
        await navigator.clipboard.writeText(el.innerText);
        btn.textContent = 'Copied';
      } catch (e) {
        const range = document.createRange();
        range.selectNodeContents(el);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        btn.textContent = 'Selected: press Ctrl+C';
      }
    });
  });
});
