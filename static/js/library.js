// The resource library's filters: the form works with its "Show resources" button; with this
// script the list also updates as soon as a filter is ticked or unticked. Focus returns to
// the same tick box after the page reloads, so keyboard users keep their place.
(function () {
    "use strict";

    var KEY = "library-filter-focus";

    function start() {
        var form = document.querySelector("form[data-submit-on-change]");
        if (!form) {
            return;
        }
        var hint = form.querySelector("[data-submit-on-change-hint]");
        if (hint) {
            hint.hidden = false;
        }
        form.addEventListener("change", function (event) {
            if (event.target.type !== "checkbox") {
                return;
            }
            try {
                window.sessionStorage.setItem(KEY, event.target.id);
            } catch (error) {
                // Storage can be blocked; the filter still applies, focus just starts at the top.
            }
            form.requestSubmit();
        });
        var id = null;
        try {
            id = window.sessionStorage.getItem(KEY);
            window.sessionStorage.removeItem(KEY);
        } catch (error) {
            return;
        }
        var previous = id && document.getElementById(id);
        if (previous) {
            previous.focus();
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
