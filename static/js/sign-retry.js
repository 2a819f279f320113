// The sign form shown back while the site could not save it (templates/statements/sign_unavailable.html):
// sent by itself once the site answers again. Its own file, so the statement page does not carry it.
// What it says comes from the page, in its language (data-waiting, data-back on the status).
(function () {
  // The form shown back while the site could not save it: send it by itself once the site answers again.
  var retry = document.querySelector("[data-retry-when-back]");
  if (retry && window.fetch) {
    var retryStatus = document.querySelector("[data-retry-status]"), wait = 5000;
    retryStatus.hidden = false;
    retryStatus.textContent = retryStatus.getAttribute("data-waiting");
    var check = function () {
      fetch(retry.getAttribute("data-retry-when-back"), { cache: "no-store" }).then(function (response) {
        if (!response.ok) throw new Error("not yet");
        retryStatus.textContent = retryStatus.getAttribute("data-back");
        retry.submit();
      }).catch(function () {
        wait = Math.min(wait * 2, 60000);
        setTimeout(check, wait);
      });
    };
    setTimeout(check, wait);
  }
})();
