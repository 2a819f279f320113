// "Copy the text" buttons: shown only when the browser can copy, so the page
// works the same without JavaScript (the text is on the page to select). What the
// status then says comes from the page, in its language (data-copied, data-copy-failed).
(function () {
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var wrapper = button.closest(".copy-text");
    var status = wrapper && wrapper.querySelector("[data-copy-status]");
    if (wrapper) wrapper.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy-target"));
      if (!source) return;
      navigator.clipboard.writeText(source.innerText.trim()).then(
        function () { if (status) status.textContent = status.getAttribute("data-copied"); },
        function () { if (status) status.textContent = status.getAttribute("data-copy-failed"); }
      );
    });
  });
})();
