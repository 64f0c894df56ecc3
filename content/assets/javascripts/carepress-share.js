// Copy buttons on the share-kit pages. Local script: no third party, no tracking.
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

// Share-kit pages are written by CarePress, not the theme: follow the reader's colour scheme
// the way the theme's palettes do (the first whose media query matches).
const palettes = JSON.parse(document.body.dataset.carepressPalettes || "[]");
const palette = palettes.find((p) => !p.media || window.matchMedia(p.media).matches);
if (palette) {
  for (const name of ["scheme", "primary", "accent"]) {
    document.body.setAttribute(`data-md-color-${name}`, palette[name]);
  }
}
