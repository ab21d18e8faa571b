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

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", enhanceVideoEmbeds);
    } else {
        enhanceVideoEmbeds();
    }
})();
