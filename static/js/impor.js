/* The import pages (templates/impor/): ask before applying an import, and send each form only
 * once (a second click while the server works would only be refused). No inline script. */
(function () {
  "use strict";

  document.querySelectorAll("form[data-konfirmasi]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-konfirmasi"))) {
        event.preventDefault();
      }
    });
  });

  document.querySelectorAll("form[data-konfirmasi], form[data-impor-unggah]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) {
        return;
      }
      window.setTimeout(function () {
        form.querySelectorAll("button[type=submit]").forEach(function (button) {
          button.disabled = true;
        });
      }, 0);
    });
  });
})();
