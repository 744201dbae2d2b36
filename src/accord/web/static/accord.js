// Job progress over server-sent events: each running job on the page follows its stream and,
// when the job ends, is replaced by its final state from the server. No build step.
(function () {
  "use strict";
  var FINAL = ["done", "failed", "cancelled", "interrupted"];
  function follow(el) {
    if (el.dataset.following || FINAL.indexOf(el.dataset.status) >= 0) { return; }
    el.dataset.following = "1";
    var id = el.dataset.job;
    var source = new EventSource("/api/jobs/" + encodeURIComponent(id) + "/events");
    source.addEventListener("progress", function (ev) {
      var s = JSON.parse(ev.data);
      var bar = el.querySelector("progress");
      if (bar) { bar.max = s.total || 1; bar.value = s.done; }
      var count = el.querySelector(".count");
      if (count) { count.textContent = s.done + " / " + s.total; }
      var status = el.querySelector(".status");
      if (status) { status.textContent = s.status; }
    });
    source.addEventListener("end", function () {
      source.close();
      htmx.ajax("GET", "/jobs/" + encodeURIComponent(id), { target: el, swap: "outerHTML" });
    });
    source.onerror = function () { source.close(); delete el.dataset.following; };
  }
  function scan(root) { (root || document).querySelectorAll("[data-job]").forEach(follow); }
  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSettle", function () { scan(document); });
})();
