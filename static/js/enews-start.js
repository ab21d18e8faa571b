// The enews form's start time, fresh from the server when a person first moves into the form.
// Pages are cached for a few minutes, so the signed time in their markup can be older than the
// visitor's visit; the minimum fill time (core/spam.py) then counts from this one. Without the
// script the form still works, with the time the page was built.
(function () {
    "use strict";

    document.querySelectorAll("form[data-start-url]").forEach(function (form) {
        var started = form.querySelector("input[name=form_started]");
        if (!started || form.hasAttribute("data-start-bound")) {
            return;
        }
        form.setAttribute("data-start-bound", "");
        form.addEventListener("focusin", function () {
            fetch(form.getAttribute("data-start-url"), {credentials: "omit", cache: "no-store"})
                .then(function (response) {
                    return response.ok ? response.json() : null;
                })
                .then(function (data) {
                    if (data && data.started) {
                        started.value = data.started;
                    }
                })
                .catch(function () {});
        }, {once: true});
    });
}());
