/* The three places where the atlas changes the behaviour of code it does not own: st_folium's
 * frame height and opening report, and Leaflet's click handling. Nothing else in static/atlas/ does. Each exists
 * because no public API gives the behaviour; each says what it relies on, so that an upgrade of
 * streamlit-folium or Leaflet knows what to check. tests/test_patches_browser.py checks each
 * against the vendored Leaflet (and stand-ins for st_folium's window.Streamlit and its state).
 */
(function () {
    "use strict";
    var atlas = window.atlas = window.atlas || {};

    /* holdFrameHeight(height): the component's iframe stays `height` px high.
     *
     * Why: on a phone the map is shorter than the 560 px app.py gives st_folium (the frame it
     * shows is twice as wide as high: a tall map on a narrow screen is mostly empty and leaves
     * no room to scroll past it). The width is only known inside the iframe, so the height is
     * chosen here (map-controls.js, phoneHeight), but st_folium asks Streamlit for 560 px on start
     * and again after every rerun that sends a new selection layer.
     *
     * Relies on: streamlit-folium 0.27's frontend setting the iframe's height only through
     * `window.Streamlit.setFrameHeight` (streamlit-component-lib's object, which it exposes as
     * window.Streamlit). That function is wrapped once (marked `atlasHeld`) so that every later
     * request asks for `height`. Returns whether it held the height (false outside Streamlit,
     * as in the standalone export). */
    atlas.holdFrameHeight = function (height) {
        var lib = window.Streamlit;
        if (!lib || !lib.setFrameHeight || lib.atlasHeld) { return false; }
        var ask = lib.setFrameHeight;
        lib.setFrameHeight = function () { return ask.call(lib, height); };
        lib.atlasHeld = true;
        lib.setFrameHeight();
        return true;
    };

    /* noOpeningReport(): st_folium does not report the map's opening state as if it were a click.
     *
     * Why: st_folium compares what it would report with the `default` its Python side sent and
     * reports when they differ. For `last_object_clicked_count` the default is null and the
     * frontend's own start is 0, so every page open reports "no click yet" once, which reruns
     * the whole page for nothing (the second run of every open: the page's elements drawn twice,
     * the map's first paint waiting for it; BENCHMARKS.md, page open).
     *
     * Relies on: streamlit-folium 0.27's frontend keeping its state in window.__GLOBAL_DATA__,
     * set before the map's script runs, and comparing `previous_data` (the default at start) by
     * JSON with the value it would send. Only a count still at its start (no click yet) is set
     * to 0, so the first real click (count 1) is reported as before. Returns whether it did. */
    atlas.noOpeningReport = function () {
        var data = window.__GLOBAL_DATA__;
        var previous = data && data.previous_data;
        if (!previous || data.last_object_clicked_count !== 0 || previous.last_object_clicked_count !== null) {
            return false;
        }
        previous.last_object_clicked_count = 0;
        return true;
    };

    /* quiet(layer): a layer that answers a click with its own popup, and nothing else.
     *
     * Why: st_folium binds its click handler to every layer on the map (after each rerun) to
     * report what was clicked; a click on a theme badge or a corridor would then report its
     * position, select the country beneath, rerun the page and close the popup just opened.
     *
     * Relies on two things in Leaflet 1.9: (1) bindPopup registers its own click handler with
     * the object form `on({click: ...})`, and is called before quiet(), while st_folium calls
     * `layer.on("click", fn)` with the name as a string: only string "click" registrations are
     * refused; (2) an event reaches the layer's group (and st_folium's handler there) through
     * the private `_propagateEvent`, made a no-op here. Call it after bindPopup. */
    atlas.quiet = function (layer) {
        var on = layer.on;
        layer.on = function (type, fn, context) {
            return type === "click" ? this : on.call(this, type, fn, context);
        };
        layer._propagateEvent = function () {};
        return layer;
    };
})();
