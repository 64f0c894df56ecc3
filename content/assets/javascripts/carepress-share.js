// CarePress's one script, on every page (extra_javascript). Local: no third party, no
// tracking, nothing stored. Wrapped in a function so that its names never meet the theme's
// globals (Material's inline palette script declares `var palette`; a top-level `const
// palette` here made the whole file fail on every theme page).
(() => {
  "use strict";

  // Copy buttons on the share-kit pages.
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button.carepress-copy");
    if (!button) return;
    const field = document.getElementById(button.dataset.copy);
    if (!field) return;
    const label = button.textContent;
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = "Copied";
    } catch {
      field.select(); // the reader can copy by hand where the clipboard is not allowed
      button.textContent = "Selected: press Ctrl+C";
    }
    setTimeout(() => { button.textContent = label; }, 2000);
  });

  // Share-kit pages are written by CarePress, not the theme: follow the reader's colour
  // scheme the way the theme's palettes do (the first whose media query matches).
  const palettes = JSON.parse(document.body.dataset.carepressPalettes || "[]");
  const chosen = palettes.find((p) => !p.media || window.matchMedia(p.media).matches);
  if (chosen) {
    for (const name of ["scheme", "primary", "accent"]) {
      document.body.setAttribute(`data-md-color-${name}`, chosen[name]);
    }
  }

  // A reader who opens a post with a content warning at one of its sections (a search
  // result, a contents link, a shared #link) lands past the banner: a short notice where
  // they land names the warnings (the banner's own words) and links to the banner and to
  // help. Nothing is shown to a reader who opens the post at its top.
  const banner = document.querySelector('[data-carepress="content-warning"]');
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!banner || !target || banner.contains(target)) return;
  const article = banner.parentElement;
  if (!article.contains(target)) return;
  // Only past the banner (the skip link, the byline and the title come before it).
  if (!(banner.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
  const topics = [...banner.querySelectorAll("strong")].map((s) => s.textContent.trim());
  const crisisBox = document.querySelector('[data-carepress="crisis-box"]');
  const crisisPage = document.querySelector("a.carepress-footer__help");
  const help = crisisBox && crisisBox.id ? `#${crisisBox.id}` : crisisPage && crisisPage.href;

  const notice = document.createElement("section");
  notice.className = "carepress-cw-notice";
  notice.setAttribute("aria-label", "This article has a content warning");
  notice.tabIndex = -1;
  const text = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = "Content warning: ";
  text.append(strong, `this article discusses ${listed(topics)}. `);
  const links = document.createElement("span");
  links.className = "carepress-cw-notice__links";
  links.append(link(`#${banner.id}`, "Read the warning"));
  if (help) links.append(link(help, "Get help now"));
  text.append(links);
  notice.append(text);

  // Right under the heading the reader lands on; before the block holding any other target.
  if (/^H[1-6]$/.test(target.tagName)) {
    target.after(notice);
  } else {
    let block = target;
    while (block.parentElement !== article) block = block.parentElement;
    block.before(notice);
    notice.scrollIntoView();
  }
  // Screen readers and the next Tab start at the notice (once the page has loaded: the
  // browser's own move to the #fragment comes before).
  const focusNotice = () => notice.focus({ preventScroll: true });
  if (document.readyState === "complete") focusNotice();
  else window.addEventListener("load", focusNotice, { once: true });

  function link(href, words) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = words;
    return a;
  }

  function listed(words) {
    if (words.length < 2) return words.join("");
    return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
  }
})();
