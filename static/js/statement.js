// The statement's small enhancements; without JavaScript the page works the same (all fields shown).
(function () {
  // A form sent back with mistakes: move focus (and the screen) to the summary of them.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  // The phone's "Sign the statement" button: hidden while the form itself is in view.
  var sign = document.getElementById("sign"), jump = document.querySelector("[data-sign-jump]");
  if (sign && jump && "IntersectionObserver" in window) {
    new IntersectionObserver(function (entries) { jump.hidden = entries[0].isIntersecting; }).observe(sign);
  }

  // Signing as a person or for an organisation: show the fields for that kind; organisations are listed by default.
  var form = document.querySelector("[data-signing-form]");
  if (!form) return;
  function show(kind, chosen) {
    form.querySelectorAll("[data-for-kind]").forEach(function (input) {
      input.closest(".field").hidden = input.getAttribute("data-for-kind") !== kind;
    });
    var listed = form.querySelector("[data-public-for-organisations]");
    if (chosen && listed && kind === "organisation") listed.checked = true;
  }
  var checked = form.querySelector("[data-signing-kind]:checked");
  show(checked ? checked.value : "person", false);
  form.addEventListener("change", function (event) {
    if (event.target.hasAttribute("data-signing-kind")) show(event.target.value, true);
  });
})();
