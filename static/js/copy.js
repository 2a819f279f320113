// Progressive enhancement: a "Copy" button beside read-only fields marked
// data-copy. Without JavaScript the field can still be selected and copied.
document.querySelectorAll("input[data-copy], [data-copy-target]").forEach(function (el) {
  var source = el.matches("[data-copy-target]") ? document.getElementById(el.dataset.copyTarget) : el;
  if (!source || !navigator.clipboard) return;
  var button = document.createElement("button");
  button.type = "button";
  button.className = "button-secondary";
  button.textContent = "Copy";
  var status = document.createElement("span");
  status.setAttribute("role", "status");
  status.className = "copy-status";
  button.addEventListener("click", function () {
    var text = "value" in source ? source.value : source.innerText;
    navigator.clipboard.writeText(text).then(function () { status.textContent = "Copied"; });
  });
  (el.matches("[data-copy-target]") ? el : el.parentNode).append(" ", button, status);
});
