/* What the map draws: country shapes fetched from static/geo/, places as markers, country names,
 * and a theme's badges (each with a popup citing its sentences) and corridors. Called from
 * geo/layers.py with JSON data; every text is set as text (atlas.js), never as HTML.
 */
(function () {
    "use strict";
    var atlas = window.atlas;

    function text(value) { return atlas.el("span", "", value); }

    /** shapes(group, map, spec): polygons fetched from spec.url (or carried in spec.data by the
     * standalone export), added to `group`, which is on the map when st_folium starts and so
     * hears their clicks. A feature's tooltip is spec.labels[its iso3]. */
    atlas.shapes = function (group, map, spec) {
        atlas.pane(map, spec.pane, spec.zIndex);
        var shapes = spec.data ? Promise.resolve(spec.data)
            : fetch(spec.url).then(function (answer) { return answer.json(); });
        shapes.then(function (data) {
            L.geoJSON(data, {
                pane: spec.pane, interactive: spec.interactive,
                style: function () { return spec.style; },
                onEachFeature: function (feature, layer) {
                    var iso3 = feature.properties.iso3;
                    if (Object.prototype.hasOwnProperty.call(spec.labels, iso3)) {
                        layer.bindTooltip(text(spec.labels[iso3]), {sticky: true});
                    }
                    if (spec.hover) {
                        layer.on("mouseover", function () { layer.setStyle(spec.hover); });
                        layer.on("mouseout", function () { layer.setStyle(spec.style); });
                    }
                }
            }).eachLayer(function (layer) { group.addLayer(layer); });
        });
    };

    /** markers(group, map, markers): places of one kind, ordinary Leaflet markers (st_folium
     * sees their clicks), each a pin and, for named kinds, its name beside it. */
    atlas.markers = function (group, map, markers) {
        markers.forEach(function (m) {
            L.marker([m.lat, m.lon], {
                title: m.name, alt: m.name, keyboard: true, riseOnHover: true, zIndexOffset: m.z,
                icon: atlas.icon({className: m.className, iconSize: [m.size, m.size],
                                  iconAnchor: [m.size / 2, m.size / 2], fill: function (div) {
                    var pin = atlas.el("div", "atlas-pin atlas-" + m.kind, m.kind === "summit" ? "★" : "");
                    pin.setAttribute("aria-hidden", "true");
                    div.appendChild(pin);
                    if (m.named) { div.appendChild(atlas.el("span", "atlas-name", m.name)); }
                }})
            }).bindTooltip(text(m.tooltip)).addTo(group);
        });
    };

    /** countryNames(map, names): {name, lat, lon} written on the map, not interactive, so a
     * click on a name reaches the country under it. */
    atlas.countryNames = function (map, names) {
        names.forEach(function (entry) {
            L.marker([entry.lat, entry.lon], {interactive: false, keyboard: false, icon: atlas.icon({
                className: "atlas-country-label", iconSize: [0, 0], fill: function (div) {
                    div.appendChild(atlas.el("span", "atlas-country-name", entry.name));
                }})
            }).addTo(map);
        });
    };

    /** theme(group, map, data): a theme's badges and corridor lines. They answer a click with
     * their popup only (atlas.quiet, patches.js). Quotes and sources are listed once in `data`:
     * the same sentences support a theme in several places. */
    atlas.theme = function (group, map, data) {
        // Corridors get a pane above the countries: hovering a country brings it to the front.
        var lines = atlas.pane(map, "atlasLines", 450);
        // Popups fit a phone-sized map and keep clear of the zoom buttons.
        var popupOptions = {maxWidth: Math.max(160, Math.min(340, map.getSize().x - 90)),
                            autoPanPaddingTopLeft: L.point(56, 12)};

        function quote(q) {  // [text, index of its source, its language or ""]
            var said = text("« " + q[0] + " »");
            if (q[2]) { said.lang = q[2]; }
            return atlas.append(atlas.el("li"), [said, atlas.el("br"), atlas.el("small", "", data.sources[q[1]])]);
        }

        data.badges.forEach(function (b) {
            var popup = atlas.append(atlas.el("div"), [
                atlas.el("b", "", b.heading),
                atlas.append(atlas.el("ul", "atlas-cites"), b.cites.map(function (i) { return quote(data.quotes[i]); }))
            ]);
            var icon = atlas.icon({className: data.className, iconSize: [data.size, data.size], iconAnchor: data.anchor,
                                   fill: function (div) {
                var badge = atlas.el("div", "atlas-badge", data.code);
                badge.style.background = data.color;
                div.appendChild(badge);
            }});
            atlas.quiet(L.marker([b.lat, b.lon], {title: b.title, icon: icon})
                .bindPopup(popup, popupOptions)
                .bindTooltip(text(b.tooltip)))
                .addTo(group);
        });
        data.lines.forEach(function (line) {
            var popup = atlas.append(atlas.el("div"), [
                atlas.el("b", "", line.name), atlas.el("br"), line.status, atlas.el("br"),
                atlas.el("small", "", line.note), atlas.el("br"), atlas.link(line.sourceUrl, line.source)
            ]);
            atlas.quiet(L.polyline(line.latlngs, {color: data.color, weight: line.weight, opacity: line.opacity,
                                                  dashArray: line.dash, className: line.className, pane: lines})
                .bindPopup(popup, popupOptions)
                .bindTooltip(text(line.tooltip), {sticky: true}))
                .addTo(group);
        });
    };
})();
