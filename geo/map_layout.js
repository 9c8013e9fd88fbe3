// The map's furniture kept out of the reader's way, on every screen size:
// - the legend folds to its title (a button); it starts folded on a phone-sized map, and folds by
//   itself whenever it would cover a place marker, a theme badge, an open popup or a tooltip;
// - theme badges at one point (one per ticked theme) are laid out side by side in rows under it,
//   so that with every theme ticked each stays readable and can be clicked.
function atlasMapLayout(map, groups, spec) {
  var container = map.getContainer();
  var legend = container.querySelector(".atlas-legend:not(.atlas-address-notice)");

  // --- the legend, folding ---
  // `wanted`: the reader's choice (open on a wide map, folded on a phone's until asked);
  // `folded`: what is shown, folded also while it would cover something.
  var button, body, folded = false, wanted = container.clientWidth >= spec.narrow;
  if (legend && legend.firstElementChild && !legend.querySelector(".atlas-legend-toggle")) {
    var title = legend.firstElementChild;  // <strong>Legend</strong>, escaped by geo/atlas_map.py
    body = document.createElement("div");
    body.className = "atlas-legend-body";
    while (title.nextSibling) { body.appendChild(title.nextSibling); }
    if (body.firstChild && body.firstChild.nodeName === "BR") { body.removeChild(body.firstChild); }
    button = document.createElement("button");
    button.type = "button";
    button.className = "atlas-legend-toggle";
    button.setAttribute("aria-expanded", "true");
    button.appendChild(title);
    legend.appendChild(button);
    legend.appendChild(body);
    L.DomEvent.disableClickPropagation(legend);
    L.DomEvent.disableScrollPropagation(legend);
    button.addEventListener("click", function () {  // the reader's choice holds until the map changes
      wanted = folded;
      setFolded(!folded);
    });
  }

  function setFolded(value) {
    if (!button) { return; }
    folded = value;
    body.style.display = folded ? "none" : "";
    button.setAttribute("aria-expanded", String(!folded));
    button.title = folded ? spec.show : spec.hide;
  }

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  // Anything of the map's own the legend would cover now, unfolded (or as it is, folded).
  function covered(unfolded) {
    if (!body) { return false; }
    var was = folded;
    if (was && unfolded) { body.style.display = ""; }
    var box = legend.getBoundingClientRect();
    if (was && unfolded) { body.style.display = "none"; }
    var selectors = ".leaflet-marker-icon.atlas-marker, .leaflet-marker-icon.atlas-theme, .leaflet-popup, .leaflet-tooltip";
    var frame = container.getBoundingClientRect();
    return Array.prototype.some.call(container.querySelectorAll(selectors), function (element) {
      if (element.style.opacity === "0") { return false; }  // a popup or tooltip fading out as it closes
      var r = element.getBoundingClientRect();
      var inside = r.right > frame.left && r.left < frame.right && r.bottom > frame.top && r.top < frame.bottom;
      return inside && r.width > 0 && overlaps(box, r);
    });
  }

  function avoid() {
    if (!button) { return; }
    legend.style.visibility = "";
    setFolded(!wanted || covered(true));
    if (covered(false)) { legend.style.visibility = "hidden"; }  // even its button: out of the way
  }

  setFolded(!wanted);

  // --- badges at one point, side by side ---
  var BADGE = spec.badge, GAP = 3, PER_ROW = spec.perRow;

  function layBadges() {
    var atPoint = {};
    Object.keys(groups).forEach(function (slug) {
      if (!map.hasLayer(groups[slug])) { return; }
      groups[slug].eachLayer(function (layer) {
        if (!(layer instanceof L.Marker) || !layer._icon) { return; }
        var point = layer.getLatLng();
        var key = point.lat.toFixed(4) + "," + point.lng.toFixed(4);
        (atPoint[key] = atPoint[key] || []).push(layer);
      });
    });
    Object.keys(atPoint).forEach(function (key) {
      var badges = atPoint[key];
      var columns = Math.min(badges.length, PER_ROW);
      badges.forEach(function (marker, number) {
        var column = number % PER_ROW, row = Math.floor(number / PER_ROW);
        var left = (column - (columns - 1) / 2) * (BADGE + GAP) - BADGE / 2;
        marker._icon.style.marginLeft = left + "px";
        marker._icon.style.marginTop = (spec.below + row * (BADGE + GAP)) + "px";
      });
    });
  }

  function relayout() {
    layBadges();
    avoid();
  }

  map.on("overlayadd overlayremove zoomend", function () { setTimeout(relayout, 0); });
  map.on("moveend resize", avoid);
  map.on("popupopen tooltipopen", function () { setTimeout(avoid, 0); });
  map.on("popupclose tooltipclose", function () { setTimeout(avoid, 0); });
  setTimeout(relayout, 0);
}
