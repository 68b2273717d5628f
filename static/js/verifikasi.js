// Verification and lock pages: "select all" checkboxes (no inline scripts, see the CSP note).
(function () {
  "use strict";
  document.querySelectorAll("[data-pilih-semua]").forEach(function (master) {
    var name = master.getAttribute("data-pilih-semua");
    var form = master.closest("form");
    master.addEventListener("change", function () {
      form.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
        if (!box.disabled) {
          box.checked = master.checked;
        }
      });
    });
  });
})();
