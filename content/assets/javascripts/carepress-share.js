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

  // A reader who opens a post with a content warning anywhere but its top (a search result,
  // a contents link, a shared #link, a search engine's #:~:text= highlight) lands past the
  // banner: a short notice where they land names the warnings (the banner's own words) and
  // links to the banner and to help. Nothing is shown to a reader who opens the post at its
  // top, nor to one coming back to it (a reload, the back button: they have been here).
  const banner = document.querySelector('[data-carepress="content-warning"]');
  if (!banner) return;
  const article = banner.parentElement;
  const arrival = performance.getEntriesByType("navigation")[0];
  if (arrival && arrival.type !== "navigate") return;
  let shown = false;
  const target = named(location.hash.slice(1));
  if (target && past(target)) {
    show(target);
  } else {
    // No element the script can name (a text fragment, or an id the browser resolves its own
    // way): wherever the browser scrolled the reader before they touched the page, if the
    // banner is above them, the notice goes where they are.
    // The browser keeps such a target in view while the page settles, so the notice is
    // pinned at the top of the screen (not scrolled to) until the reader first moves.
    let touched = false;
    const moved = () => {
      touched = true;
      document.querySelector(".carepress-cw-notice--pinned")
        ?.classList.remove("carepress-cw-notice--pinned");
    };
    for (const kind of ["wheel", "touchstart", "keydown", "mousedown"]) {
      window.addEventListener(kind, moved, { once: true, passive: true });
    }
    const check = () => {
      if (shown || touched || banner.getBoundingClientRect().bottom >= 0) return;
      const inView = [...article.children].find((b) => b.getBoundingClientRect().bottom > 0);
      if (inView && past(inView)) show(inView, true);
    };
    const watch = () => {
      check();
      window.addEventListener("scroll", check, { passive: true });
      setTimeout(() => window.removeEventListener("scroll", check), 3000);
    };
    if (document.readyState === "complete") watch();
    else window.addEventListener("load", watch, { once: true });
  }

  function named(fragment) {
    // A fragment the browser cannot decode still names an id as written ("#a%zz").
    let id = fragment;
    try { id = decodeURIComponent(fragment); } catch { /* kept as written */ }
    if (!id) return null;
    return document.getElementById(id) || document.getElementById(fragment)
      || document.getElementsByName(id)[0] || null;
  }

  function past(element) {
    // In the article, after the banner (the skip link, the byline and the title come before).
    return article.contains(element) && !banner.contains(element)
      && Boolean(banner.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  }

  function show(landing, pinned = false) {
    shown = true;
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
    text.append(strong, `${said(banner)} `);
    const links = document.createElement("span");
    links.className = "carepress-cw-notice__links";
    links.append(link(`#${banner.id}`, "Read the warning"));
    if (help) links.append(link(help, "Get help now"));
    text.append(links);
    notice.append(text);

    // Right under the heading the reader lands on; before the block holding any other target.
    if (pinned) {
      notice.classList.add("carepress-cw-notice--pinned");
      landing.before(notice);
    } else if (/^H[1-6]$/.test(landing.tagName)) {
      landing.after(notice);
    } else {
      let block = landing;
      while (block.parentElement !== article) block = block.parentElement;
      block.before(notice);
      notice.scrollIntoView();
    }
    // Screen readers and the next Tab start at the notice (once the page has loaded: the
    // browser's own move to the #fragment comes before).
    const focusNotice = () => notice.focus({ preventScroll: true });
    if (document.readyState === "complete") focusNotice();
    else window.addEventListener("load", focusNotice, { once: true });
  }

  function said(warning) {
    // The warnings the banner names (a practice may restyle them: <strong>, <b>, <em>), else
    // the banner's first sentence as it stands, else that there is a warning.
    const topics = [...warning.querySelectorAll("strong, b, em")]
      .map((s) => s.textContent.trim()).filter(Boolean);
    if (topics.length) return `this article discusses ${listed(topics)}.`;
    const words = [...warning.querySelectorAll("p")]
      .filter((p) => !p.classList.contains("admonition-title"))
      .map((p) => p.textContent.replace(/\s+/g, " ").trim()).find(Boolean);
    const first = words && words.match(/^[^.!?]*[.!?]?/)[0];
    return first || "this article has a content warning.";
  }

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
