// Loaded before the stylesheet applies, so that on phones the menu and the listings' filters are
// hidden behind their buttons from the first paint instead of collapsing when site.js runs
// (which would shift the whole page up). Without JavaScript this never runs and everything shows.
document.documentElement.classList.add("has-script");
