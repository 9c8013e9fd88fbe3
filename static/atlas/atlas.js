/* The atlas's own scripts share one namespace, `atlas`. folium's generated script calls them by
 * name, with JSON data only (geo/script.py); they are loaded, in the order of geo/assets.py's
 * ASSETS, after Leaflet.
 *
 * This file holds the one rule for text: article text, names and labels arrive as JSON strings
 * and reach the page through `atlas.el` and `atlas.append`, set as textContent or text nodes,
 * never parsed as HTML. No file here uses innerHTML (tests/test_js.py checks it).
 */
(function () {
    "use strict";
    var atlas = window.atlas = window.atlas || {};

    /** An element `tag` of `className`, holding `text` as text. */
    atlas.el = function (tag, className, text) {
        var element = document.createElement(tag);
        if (className) { element.className = className; }
        if (text !== undefined && text !== null) { element.textContent = text; }
        return element;
    };

    /** `parent` with `children` appended: elements, or strings as text nodes. */
    atlas.append = function (parent, children) {
        children.forEach(function (child) {
            parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
        });
        return parent;
    };

    /** A link to `url` when it is http(s); any other address (javascript:, data:) gives the text alone. */
    atlas.link = function (url, text) {
        if (!/^https?:\/\//i.test(url || "")) { return atlas.el("span", "", text); }
        var link = atlas.el("a", "", text);
        link.href = url;
        link.target = "_blank";
        link.rel = "noopener";
        return link;
    };

    /** A Leaflet divIcon whose content `options.fill(div)` builds from elements: L.divIcon
     * itself takes an HTML string or a single element. */
    var FilledIcon = L.DivIcon.extend({
        createIcon: function (oldIcon) {
            var div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
            this.options.fill(div);
            return div;
        }
    });
    atlas.icon = function (options) {
        return new FilledIcon(L.extend({}, options, {html: ""}));
    };

    /** A map pane `name` at `zIndex`, made once whoever asks first. */
    atlas.pane = function (map, name, zIndex) {
        if (!map.getPane(name)) { map.createPane(name).style.zIndex = zIndex; }
        return name;
    };
})();
