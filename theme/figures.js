// The diagrams follow mdBook's theme.
//
// Each SVG in src/images/{en,ko}/ carries a light and a dark palette: with no fragment it
// follows the reader's system (prefers-color-scheme), `#light` and `#dark` pick one. mdBook's
// theme can differ from the system's (a dark theme chosen on a light system, or the reverse),
// so this script points every diagram whose palette would be wrong at the right one
// (`#dark` or `#light`), and again when the reader picks another theme. Without JavaScript
// the diagrams follow the system.
(function () {
    "use strict";

    const DARK = ["coal", "navy", "ayu"];

    let printing = false;

    function palette() {
        if (printing) {
            return "light";
        }
        const classes = document.documentElement.classList;
        return DARK.some((t) => classes.contains(t)) ? "dark" : "light";
    }

    const system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

    function apply() {
        // No fragment when the theme and the system agree: the SVG follows the system.
        const wanted = palette();
        const want = wanted === (system && system.matches ? "dark" : "light") ? "" : "#" + wanted;
        document.querySelectorAll('img[src*="images/en/"], img[src*="images/ko/"]').forEach(function (img) {
            const src = img.getAttribute("src");
            const bare = src.replace(/#.*$/, "");
            if (!/\.svg$/.test(bare) || src === bare + want) {
                return;
            }
            img.setAttribute("src", bare + want);
        });
    }

    apply();
    // Paper is white, whatever the theme on screen.
    window.addEventListener("beforeprint", function () {
        printing = true;
        apply();
    });
    window.addEventListener("afterprint", function () {
        printing = false;
        apply();
    });
    if (system && system.addEventListener) {
        system.addEventListener("change", apply);
    }
    new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
})();
