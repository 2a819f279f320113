// Enhancements only: without JavaScript the pages work the same, every field shown.
(function () {
  // "Copy" beside the share link.
  if (navigator.clipboard) document.querySelectorAll("input[data-copy]").forEach(function (input) {
    var button = document.createElement("button"), status = document.createElement("span"), say = input.dataset;
    button.type = "button"; button.className = "button-secondary"; button.textContent = say.copy;
    status.setAttribute("role", "status"); status.className = "copy-status";
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(input.value).then(function () { status.textContent = say.copied; });
    });
    input.parentNode.append(" ", button, status);
  });
  // The phone's share sheet, where offered.
  var sheet = document.querySelector("[data-share-sheet]");
  if (sheet && navigator.share) {
    sheet.hidden = false;
    sheet.querySelector("button").addEventListener("click", function (event) {
      var button = event.currentTarget;
      navigator.share({ text: button.dataset.text, url: button.dataset.url }).catch(function () {});
    });
  }
  // Focus the error summary, again after the jump to #sign.
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
    addEventListener("load", function () { setTimeout(function () { summary.focus(); }); });
  }
  // The phone's sign button hides while the form shows.
  var sign = document.getElementById("sign"), jump = document.querySelector("[data-jump]");
  if (sign && jump && window.IntersectionObserver) {
    new IntersectionObserver(function (e) { jump.hidden = e[0].isIntersecting; }).observe(sign);
  }
  // ?src= into the form (one cached page whatever the code)
  var src = new URLSearchParams(location.search).get("src"), field = document.querySelector("form[data-signing] input[name=src]");
  if (src && field && !field.value && /^[a-z0-9][a-z0-9-]{0,39}$/i.test(src)) field.value = src.toLowerCase();
  // Only the fields that apply (data-shown-when); changing kind unticks every choice.
  document.querySelectorAll("form[data-signing], form[data-union]").forEach(function (form) {
    function holds(test) {
      var parts = test.split("="), input = form.elements[parts[0]];
      if (!input) return true;
      if (parts.length === 1) return input.checked;
      return input.value === parts[1];
    }
    function show() {
      form.querySelectorAll("[data-shown-when]").forEach(function (el) {
        var shown = el.dataset.shownWhen.split("&").every(holds);
        (el.matches("input, select, textarea") ? el.closest(".field") : el).hidden = !shown;
      });
      var listed = form.elements.show_publicly, kind = form.elements.kind;  // its words follow the kind
      if (listed && kind) {
        var words = listed.closest("label").querySelector("span");
        words.personal = words.personal || words.textContent;
        words.textContent = kind.value === "organisation" ? listed.getAttribute("data-label-organisation") : words.personal;
      }
    }
    show();
    form.addEventListener("change", function (event) {
      if (event.target.name === "kind") ["show_publicly", "show_contact"].forEach(function (name) {
        if (form.elements[name]) form.elements[name].checked = false;
      });
      show();
    });
  });
})();
