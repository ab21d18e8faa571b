// Progressive enhancement only: every page works without this script.
(function () {
    "use strict";

    // Click-to-load videos: the third-party player loads only when asked for.
    function enhanceVideoEmbeds() {
        document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
            var src = figure.getAttribute("data-src");
            var play = figure.querySelector("[data-video-embed-play]");
            if (!src || !play) {
                return;
            }
            play.addEventListener("click", function (event) {
                event.preventDefault();
                var frame = figure.querySelector(".video-embed__frame");
                var iframe = document.createElement("iframe");
                iframe.src = src + (src.indexOf("?") === -1 ? "?" : "&") + "autoplay=1";
                iframe.title = figure.getAttribute("data-title");
                iframe.allow = "autoplay; fullscreen; picture-in-picture";
                iframe.allowFullscreen = true;
                frame.replaceChildren(iframe);
                frame.classList.add("is-playing");
                iframe.focus();
            });
        });
    }

    // Error summary: announce it by moving focus to it, and let its links put focus in the field.
    // Without the script the links still jump to the field and the summary is read first.
    function enhanceErrorSummary() {
        var summary = document.querySelector("[data-error-summary]");
        if (!summary) {
            return;
        }
        summary.focus();
        summary.querySelectorAll("a[href^='#']").forEach(function (link) {
            link.addEventListener("click", function (event) {
                var field = document.getElementById(link.getAttribute("href").slice(1));
                if (!field) {
                    return;
                }
                event.preventDefault();
                var group = field.closest("fieldset") || field.closest(".field");
                (group || field).scrollIntoView();
                field.focus();
            });
        });
    }

    // Disclosures on narrow screens: the menu and the listings' filters sit behind a button
    // ([data-disclosure], aria-controls naming what it shows). Escape closes an open one and puts
    // focus back on its button. The CSS shows the buttons and hides what they control only where
    // scripts run (@media (scripting: enabled)), so without JavaScript everything is shown.
    function enhanceDisclosures() {
        document.querySelectorAll("[data-disclosure]").forEach(function (toggle) {
            var regions = toggle.getAttribute("aria-controls").split(" ").map(function (id) {
                return document.getElementById(id);
            }).filter(Boolean);
            if (!regions.length) {
                return;
            }
            function setOpen(open) {
                toggle.setAttribute("aria-expanded", open ? "true" : "false");
                regions.forEach(function (region) {
                    region.classList.toggle("is-open", open);
                });
            }
            toggle.addEventListener("click", function () {
                setOpen(toggle.getAttribute("aria-expanded") !== "true");
            });
            document.addEventListener("keydown", function (event) {
                if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                    setOpen(false);
                    toggle.focus();
                }
            });
        });
    }

    function enhance() {
        enhanceDisclosures();
        enhanceVideoEmbeds();
        enhanceErrorSummary();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", enhance);
    } else {
        enhance();
    }
})();
