/* The realisasi entry table (templates/realisasi/entri.html): live totals of the PD while the
 * operator types, Indonesian number input, keyboard movement, a warning before leaving unsaved
 * work. No inline script: everything is wired here from data- attributes. */
(function () {
  "use strict";

  var tabel = document.querySelector("[data-entri-tabel]");
  if (!tabel) {
    return;
  }
  var form = document.getElementById("entri-form");
  var ambang = Number(tabel.getAttribute("data-ambang") || "0");
  var rows = Array.prototype.slice.call(tabel.querySelectorAll("tr[data-baris]"));
  var persenFmt = new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var ribuanFmt = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
  var dirty = false;

  var SPASI = /[\s\u00a0]+/g;
  var RUPIAH = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;
  var PERSEN = /^(\d+)(?:[.,](\d{1,2}))?$/;

  /* Money as whole sen (integers add exactly): "1.250.000,5" -> 125000050; "" -> 0; bad -> NaN. */
  function senDariIsian(text) {
    var value = (text || "").replace(SPASI, "").replace(/^rp\.?/i, "");
    if (value === "") {
      return 0;
    }
    var m = RUPIAH.exec(value);
    if (!m) {
      return NaN;
    }
    var frac = (m[2] || "0").padEnd(2, "0");
    return Number(m[1].replace(/\./g, "")) * 100 + Number(frac);
  }

  /* A server value such as "1000000.00" as sen. */
  function senDariData(text) {
    if (!text) {
      return 0;
    }
    var parts = String(text).split(".");
    var frac = ((parts[1] || "") + "00").slice(0, 2);
    return Number(parts[0]) * 100 + Number(frac);
  }

  /* "45,5" or "45.5" -> 45.5; "" -> null; bad or above 100 -> NaN. */
  function persenDariIsian(text) {
    var value = (text || "").replace(SPASI, "").replace(/%$/, "");
    if (value === "") {
      return null;
    }
    var m = PERSEN.exec(value);
    if (!m) {
      return NaN;
    }
    var result = Number(m[1] + "." + (m[2] || "0"));
    return result > 100 ? NaN : result;
  }

  function rupiah(sen) {
    var whole = Math.trunc(sen / 100);
    var rest = Math.abs(sen % 100);
    var text = ribuanFmt.format(whole);
    if (rest) {
      text += "," + String(rest).padStart(2, "0");
    }
    return "Rp " + text;
  }

  function persen(value) {
    return value === null || !isFinite(value) ? "–" : persenFmt.format(value) + "%";
  }

  function input(row, name) {
    return row.querySelector('[data-entri="' + name + '"]');
  }

  function markInvalid(el, invalid) {
    if (el) {
      el.classList.toggle("is-invalid", invalid);
    }
  }

  /* One row's values now (typed or saved), and its own derived cells. */
  function hitungBaris(row) {
    var pagu = senDariData(row.getAttribute("data-pagu"));
    var keuLalu = senDariData(row.getAttribute("data-keu-lalu"));
    var fisikLaluText = row.getAttribute("data-fisik-lalu");
    var fisikLalu = fisikLaluText ? Number(fisikLaluText) : 0;
    var target = Number(row.getAttribute("data-target-fisik") || "0");
    var fisikEl = input(row, "fisik");
    var keuEl = input(row, "keuangan");
    var fisik;
    var keu;
    if (fisikEl) {
      fisik = persenDariIsian(fisikEl.value);
      keu = senDariIsian(keuEl.value);
      markInvalid(fisikEl, Number.isNaN(fisik) || (fisik !== null && fisik < fisikLalu));
      markInvalid(keuEl, Number.isNaN(keu));
    } else {
      var saved = row.getAttribute("data-fisik");
      fisik = saved ? Number(saved) : null;
      keu = senDariData(row.getAttribute("data-keu"));
    }
    if (Number.isNaN(keu)) {
      keu = 0;
    }
    var efektif = fisik === null || Number.isNaN(fisik) ? fisikLalu : fisik;
    var kumulatif = keuLalu + keu;
    var kumCell = row.querySelector("[data-keu-kum]");
    if (kumCell) {
      kumCell.textContent = rupiah(kumulatif);
      var lewat = kumulatif > pagu;
      kumCell.classList.toggle("text-danger", lewat);
      kumCell.title = lewat ? "Melebihi pagu " + rupiah(pagu) : "";
    }
    var wajib = fisik !== null && !Number.isNaN(fisik) && target - fisik > ambang;
    ["kendala", "solusi"].forEach(function (name) {
      var el = input(row, name);
      if (el) {
        if (!el.hasAttribute("data-placeholder")) {
          el.setAttribute("data-placeholder", el.placeholder);
        }
        var base = el.getAttribute("data-placeholder");
        el.classList.toggle("entri-wajib", wajib);
        el.placeholder = wajib ? base + " (wajib)" : base;
        el.title = wajib ? "Wajib diisi: realisasi fisik tertinggal dari target" : "";
      }
    });
    return { pagu: pagu, keu: keu, kumulatif: kumulatif, fisik: efektif };
  }

  function setTotal(name, text) {
    var el = document.querySelector('[data-total="' + name + '"]');
    if (el) {
      el.textContent = text;
    }
  }

  function hitungTotal() {
    var pagu = 0;
    var keu = 0;
    var kumulatif = 0;
    var paguKaliFisik = 0;
    rows.forEach(function (row) {
      var r = hitungBaris(row);
      pagu += r.pagu;
      keu += r.keu;
      kumulatif += r.kumulatif;
      paguKaliFisik += r.pagu * r.fisik;
    });
    setTotal("keuangan-bulan", rupiah(keu));
    setTotal("keuangan-kumulatif", rupiah(kumulatif));
    setTotal("keuangan-persen", pagu ? persen((100 * kumulatif) / pagu) : "–");
    setTotal("fisik", pagu ? persen(paguKaliFisik / pagu) : "–");
  }

  /* Enter moves to the same field of the next row (Shift+Enter: the row above); it never submits. */
  function pindah(el, arah) {
    var name = el.getAttribute("data-entri");
    var index = rows.indexOf(el.closest("tr[data-baris]"));
    for (var i = index + arah; i >= 0 && i < rows.length; i += arah) {
      var next = input(rows[i], name);
      if (next) {
        next.focus();
        next.select();
        return;
      }
    }
  }

  tabel.addEventListener("input", function (event) {
    if (event.target.matches("[data-entri]")) {
      dirty = true;
      hitungTotal();
    }
  });

  tabel.addEventListener("keydown", function (event) {
    var el = event.target;
    if (event.key === "Enter" && el.matches("input[data-entri]")) {
      event.preventDefault();
      pindah(el, event.shiftKey ? -1 : 1);
    }
  });

  /* Money typed as 1250000 reads back as 1.250.000 when the field is left. */
  tabel.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches('[data-entri="keuangan"]') && el.value.trim() !== "") {
      var sen = senDariIsian(el.value);
      if (!Number.isNaN(sen)) {
        el.value = rupiah(sen).replace(/^Rp /, "");
      }
    }
  });

  if (form) {
    form.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-konfirmasi]");
      if (button && !window.confirm(button.getAttribute("data-konfirmasi"))) {
        event.preventDefault();
      }
    });
    form.addEventListener("submit", function () {
      dirty = false;
    });
  }

  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  hitungTotal();
})();
