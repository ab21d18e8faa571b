// Search suggestions as an accessible combobox (WAI-ARIA 1.2 pattern with a listbox popup).
// Progressive enhancement only: without this script the search box is a plain form field.
// Keys: Down and Up move through the suggestions, Enter opens the chosen one (or searches
// when none is chosen), Escape closes the list, and clears the box if the list is closed.
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY = 200;

    function enhance(input) {
        var url = input.getAttribute("data-autocomplete-url");
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        var status = document.createElement("p");
        var suggestions = [];
        var active = -1;
        var timer = null;
        var latest = "";

        list.id = listId;
        list.className = "autocomplete__list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("data-autocomplete-label") || "");
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.parentNode.classList.add("autocomplete");
        input.parentNode.appendChild(list);
        input.parentNode.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("autocomplete", "off");

        function close() {
            list.hidden = true;
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function highlight(index) {
            active = index;
            Array.prototype.forEach.call(list.children, function (option, position) {
                var selected = position === index;
                option.setAttribute("aria-selected", selected ? "true" : "false");
                option.classList.toggle("is-active", selected);
                if (selected) {
                    input.setAttribute("aria-activedescendant", option.id);
                    option.scrollIntoView({ block: "nearest" });
                }
            });
        }

        function open(index) {
            window.location.assign(suggestions[index].url);
        }

        function show(results) {
            suggestions = results;
            list.replaceChildren();
            results.forEach(function (result, index) {
                var option = document.createElement("li");
                var kind = document.createElement("span");
                option.id = listId + "-" + index;
                option.className = "autocomplete__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.textContent = result.title;
                kind.className = "autocomplete__kind";
                kind.textContent = result.kind;
                option.appendChild(kind);
                // mousedown, not click: it comes before the input loses focus and closes the list.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    open(index);
                });
                list.appendChild(option);
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            list.hidden = results.length === 0;
            input.setAttribute("aria-expanded", results.length ? "true" : "false");
            status.textContent = results.length
                ? (input.getAttribute("data-autocomplete-count") || "").replace("{count}", results.length)
                : "";
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            latest = query;
            if (query.length < MIN_LENGTH) {
                show([]);
                return;
            }
            fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (data) {
                    if (query === latest) {
                        show(data.results || []);
                    }
                })
                .catch(function () {
                    show([]);
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            var count = suggestions.length;
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (!count) {
                    return;
                }
                event.preventDefault();
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                var step = event.key === "ArrowDown" ? 1 : -1;
                var start = active === -1 && step === -1 ? count : active;
                highlight((start + step + count) % count);
            } else if (event.key === "Enter" && active !== -1 && !list.hidden) {
                event.preventDefault();
                open(active);
            } else if (event.key === "Escape") {
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = "";
                    show([]);
                }
            }
        });

        input.addEventListener("blur", close);
    }

    function start() {
        document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
