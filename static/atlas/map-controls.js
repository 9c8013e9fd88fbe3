/* The map's controls and its fit to the page: the legend, Leaflet's own buttons titled in the
 * reader's language, the frame fitted to the map's size, the shorter map on a phone, and the
 * export's note. Called from geo/controls.py with JSON data; text is set as text (atlas.js).
 */
(function () {
    "use strict";
    var atlas = window.atlas;

    // The legend's key for each kind of row: the same pins as on the map, smaller.
    function key(kind) {
        if (kind === "country") { return atlas.el("span", "atlas-swatch"); }
        var pin = atlas.el("span", "atlas-pin atlas-key-" + (kind === "upcoming" ? "summit" : kind)
                           + " atlas-" + (kind === "upcoming" ? "summit" : kind),
                           kind === "summit" || kind === "upcoming" ? "★" : "");
        return kind === "upcoming" ? atlas.append(atlas.el("span", "atlas-upcoming"), [pin]) : pin;
    }

    /** legend(map, rows): rows of {text} (the title) or {key, text}, one a line. */
    atlas.legend = function (map, rows) {
        // On a phone-sized map the top left corner, under the zoom buttons, is Kazakhstan.
        var legend = L.control({position: map.getContainer().clientWidth < 500 ? "topright" : "topleft"});
        legend.onAdd = function () {
            var div = L.DomUtil.create("div", "atlas-legend");
            rows.forEach(function (row, number) {
                if (number) { div.appendChild(atlas.el("br")); }
                atlas.append(div, row.key ? [key(row.key), row.text] : [atlas.el("strong", "", row.text)]);
            });
            return div;
        };
        legend.addTo(map);
    };

    /** controlTitles(map, words): Leaflet's zoom buttons, layer control and popup close button,
     * titled (for the mouse) and labelled (for screen readers) in the reader's language. */
    atlas.controlTitles = function (map, words) {
        function name(element, text) {
            if (element) { element.title = text; element.setAttribute("aria-label", text); }
        }
        var container = map.getContainer();
        name(container.querySelector(".leaflet-control-zoom-in"), words.zoomIn);
        name(container.querySelector(".leaflet-control-zoom-out"), words.zoomOut);
        name(container.querySelector(".leaflet-control-layers-toggle"), words.layers);
        map.on("popupopen", function (event) {
            name(event.popup.getElement().querySelector(".leaflet-popup-close-button"), words.close);
        });
    };

    /** fitFrame(map, frame): fit `frame` to the map's size once the page has laid it out (phone or
     * desktop alike), and mark the map `atlas-small` when zoomed out so far that capital names
     * would collide. */
    atlas.fitFrame = function (map, frame) {
        var touched = false;
        function fit() {
            if (touched) { return; }
            map.invalidateSize(false);
            map.fitBounds(frame, {animate: false});
        }
        function mark() { map.getContainer().classList.toggle("atlas-small", map.getZoom() < 3.5); }
        map.on("zoomend", mark);
        // Refit while the page is still sizing the frame, never after the reader moved the map.
        ["mousedown", "touchstart", "wheel", "keydown"].forEach(function (event) {
            map.getContainer().addEventListener(event, function () { touched = true; }, {passive: true});
        });
        if (window.ResizeObserver) { new ResizeObserver(fit).observe(map.getContainer()); }
        fit();
        mark();
    };

    /** phoneHeight(map, spec): on a map narrower than spec.narrow px, a shorter map, between
     * spec.lowest and spec.highest px; st_folium's frame is held to it (patches.js). */
    atlas.phoneHeight = function (map, spec) {
        var container = map.getContainer();
        if (container.clientWidth >= spec.narrow) { return; }
        var height = Math.round(Math.max(spec.lowest, Math.min(spec.highest, container.clientWidth * 1.1)));
        container.style.height = height + "px";
        container.classList.add("atlas-phone");
        map.invalidateSize(false);
        atlas.holdFrameHeight(height);
    };

    /** note(map, text): a line at the map's foot (the standalone export says what it shows). */
    atlas.note = function (map, text) {
        var note = L.control({position: "bottomleft"});
        note.onAdd = function () { return atlas.el("div", "atlas-export-note", text); };
        note.addTo(map);
    };
})();
