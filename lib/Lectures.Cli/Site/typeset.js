// Typesets every formula Markdig marked (span.math for $...$, div.math for $$...$$) with KaTeX, in the
// browser, from the copy of KaTeX beside the pages. Without KaTeX the TeX source stays on the page.
(function () {
  if (!window.katex) return;
  document.querySelectorAll('.math').forEach(function (el) {
    var tex = el.textContent.trim();
    var display = el.tagName === 'DIV' || tex.indexOf('\\[') === 0;
    if (/^\\[([]/.test(tex)) tex = tex.slice(2, -2);
    window.katex.render(tex, el, { displayMode: display, throwOnError: false });
  });
})();
