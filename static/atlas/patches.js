/* The two places where the atlas changes the behaviour of code it does not own: st_folium's
 * frame height and Leaflet's click handling. Nothing else in static/atlas/ does. Each exists
 * because no public API gives the behaviour; each says what it relies on, so that an upgrade of
 * streamlit-folium or Leaflet knows what to check. tests/test_patches_browser.py checks both
 * against the vendored Leaflet (and a stand-in for st_folium's window.Streamlit).
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
