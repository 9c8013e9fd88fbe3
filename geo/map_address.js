// The map's own view in the page's address, kept there by the map itself (no rerun, no message
// to the server): its zoom and centre as OpenStreetMap writes them (#map=zoom/lat/lon) and the
// ticked theme layers (layers=trade,connectivity). Opening the address puts them back.
//
// The map lives in a same-origin iframe (st_folium's component): the page's address is the
// parent window's, rewritten with history.replaceState. Streamlit rewrites that address when the
// view changes (a click on a place): the map's part is then written back onto it.
// The address's own values, read by pure functions (tests/test_fuzz_surfaces.py runs them in node).

// "4.75/42.5000/85.0000" → {zoom, lat, lon}, or null: plain decimals only (no exponent, NaN or
// Infinity), within the zooms the map allows and the world's latitudes and longitudes.
function atlasParseMapView(text, minZoom, maxZoom) {
  var decoded;
  try {
    decoded = decodeURIComponent(text);
  } catch (error) {  // a stray "%" (URIError): a bad value like any other, not the end of the script
    return null;
  }
  var parts = decoded.split("/");
  if (parts.length !== 3 || !parts.every(function (p) { return /^-?\d+(\.\d+)?$/.test(p); })) { return null; }
  var zoom = Number(parts[0]), lat = Number(parts[1]), lon = Number(parts[2]);
  if (zoom < minZoom || zoom > maxZoom || Math.abs(lat) > 85 || Math.abs(lon) > 180) { return null; }
  return {zoom: zoom, lat: lat, lon: lon};
}

// The `layers` value split into the map's own slugs and the rest. Only the map's own: a plain
// object also answers "constructor" or "__proto__", which Leaflet cannot add as a layer.
function atlasAskedLayers(asked, slugs) {
  var known = [], unknown = [];
  asked.split(",").forEach(function (slug) {
    slug = slug.trim().toLowerCase();
    if (slugs.indexOf(slug) >= 0) { known.push(slug); } else if (slug) { unknown.push(slug); }
  });
  return {known: known, unknown: unknown};
}

// A notice's words with the link's value in them, as typed ("$&" in a link is not a pattern) and
// cut at 60 characters, like the server's own messages (characters, not UTF-16 halves).
function atlasAddressNotice(template, value) {
  var chars = Array.from(value);
  var shown = chars.length > 60 ? chars.slice(0, 59).join("") + "…" : value;
  return template.replace("{value}", function () { return shown; });
}

function atlasMapAddress(map, groups, spec) {
  var host;
  try {
    host = window.parent;
    if (host === window || !host.history || host.location.href === undefined) { return; }
  } catch (error) {  // a page of another origin holds the map: its address is not ours to write
    return;
  }
  var slugs = Object.keys(groups);
  var moved = false;  // the reader moved the map (or the address placed it): its view is worth writing
  var touched = false;  // the reader's hand is on the map: the next move is theirs
  var MAP = /(^#|&)map=([^&]*)/;

  function round(value, digits) {
    var factor = Math.pow(10, digits);
    return String(Math.round(value * factor) / factor);
  }

  function ticked() {
    return slugs.filter(function (slug) { return map.hasLayer(groups[slug]); });
  }

  // The address `url` (path, query and fragment) with the map's part in it: its layers replaced,
  // its map fragment written once the reader has moved the map.
  function withMapState(url) {
    var parsed = new URL(url, host.location.href);
    var query = parsed.search.replace(/^\?/, "").split("&").filter(function (part) {
      return part && part.split("=")[0] !== spec.param;
    });
    var layers = ticked();
    if (layers.length) { query.push(spec.param + "=" + layers.join(",")); }
    var hash = parsed.hash.replace(/^#/, "").split("&").filter(function (part) {
      return part && part.split("=")[0] !== "map";
    });
    if (moved) {
      var centre = map.getCenter();
      hash.unshift("map=" + round(map.getZoom(), 2) + "/" + round(centre.lat, 4) + "/" + round(centre.lng, 4));
    }
    return parsed.pathname + (query.length ? "?" + query.join("&") : "") + (hash.length ? "#" + hash.join("&") : "");
  }

  function write() {  // through the wrapper below, which writes the same (it is idempotent)
    var here = host.location.pathname + host.location.search + host.location.hash;
    var next = withMapState(here);
    if (next !== here) {
      host.history.replaceState(host.history.state, "", next);
      host.dispatchEvent(new Event("atlasmapstate"));  // the page's "link to this view" follows
    }
  }

  // Streamlit writes the address when the view changes (pushState or replaceState): the map's
  // part goes along. One wrapper per page, asking whichever map is on it now.
  host.atlasMapState = withMapState;
  if (!host.atlasAddressWrapped) {
    host.atlasAddressWrapped = true;
    ["pushState", "replaceState"].forEach(function (name) {
      var original = host.history[name].bind(host.history);
      host.history[name] = function (state, title, url) {
        var keep = host.atlasMapState;
        return original(state, title, keep && url !== undefined && url !== null ? keep(String(url)) : url);
      };
    });
  }
  window.addEventListener("pagehide", function () {
    if (host.atlasMapState === withMapState) { host.atlasMapState = null; }
  });

  var notices = [];

  function notice(text) {
    notices.push(text);
  }

  function showNotice(text) {
    var control = L.control({position: "bottomleft"});
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "atlas-legend atlas-address-notice");
      div.setAttribute("role", "status");
      div.style.maxWidth = "320px";
      div.textContent = text;  // the link's value is the reader's: text, never markup
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    control.addTo(map);
    map.once("movestart", function () { control.remove(); });
  }

  // Opening the address: its layers ticked, then its zoom and centre.
  var asked = new URLSearchParams(host.location.search).get(spec.param);
  if (asked !== null) {
    var layers = atlasAskedLayers(asked, slugs);
    layers.known.forEach(function (slug) { map.addLayer(groups[slug]); });
    if (layers.unknown.length) { notice(atlasAddressNotice(spec.badLayers, layers.unknown.join(","))); }
  }
  var found = MAP.exec(host.location.hash);
  if (found) {
    var view = atlasParseMapView(found[2], spec.minZoom, spec.maxZoom);
    if (view) {
      moved = true;
      // The frame is fitted to the map's size until the reader moves it (FitFrame): this view is
      // the reader's, so it is marked as moved by them.
      map.getContainer().dispatchEvent(new Event("keydown"));
      map.setView([view.lat, view.lon], view.zoom, {animate: false});
    } else {
      notice(atlasAddressNotice(spec.badMap, found[2]));
    }
  }
  notices.forEach(showNotice);  // after the view is set: the reader's next move closes them
  write();  // a bad value leaves the address at once
  host.dispatchEvent(new Event("atlasmapstate"));  // a link box drawn before the map follows it now

  // Captured, not bubbled: Leaflet's own controls (the zoom buttons) stop their events there.
  ["mousedown", "touchstart", "wheel", "keydown", "click"].forEach(function (name) {
    map.getContainer().addEventListener(name, function (event) {
      if (event.isTrusted) { touched = true; }
    }, {passive: true, capture: true});
  });
  // A click that moves nothing leaves the address as it was; a pan or a zoom writes the view.
  map.on("moveend", function () {
    moved = moved || touched;
    if (moved) { write(); }
  });
  map.on("overlayadd overlayremove", write);
  host.atlasMapView = function () {  // for tests and for anyone scripting the page
    var centre = map.getCenter();
    return {zoom: map.getZoom(), lat: centre.lat, lon: centre.lng, layers: ticked()};
  };
}
