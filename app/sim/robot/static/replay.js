/* Officina run replay: play, pause and scrub a simulated run (robot pose, motors, pins).
 *
 * No dependencies, no eval, no inline handlers: safe under a strict Content-Security-Policy.
 * Markup:  <div data-officina-replay="DATA_ID"> ...optional world SVG... </div>
 *          <script type="application/json" id="DATA_ID">{...}</script>
 * Every such element is mounted on DOMContentLoaded; or call OfficinaReplay.mount(el, data).
 * The data is app.sim.robot.replay.replay_payload(): {duration_us, lang, events, robot}.
 */
(function () {
  "use strict";

  var TEXT = {
    it: { play: "Riproduci", pause: "Pausa", speed: "Velocità", time: "Tempo",
          left: "Motore sinistro", right: "Motore destro", collision: "Urto!", pins: "Uscite" },
    en: { play: "Play", pause: "Pause", speed: "Speed", time: "Time",
          left: "Left motor", right: "Right motor", collision: "Collision!", pins: "Outputs" }
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  /* Index of the last item whose time (item[0] or item.t_us) is <= t (binary search). */
  function lastAtOrBefore(items, t, key) {
    var lo = 0, hi = items.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      var tm = key ? items[mid][key] : items[mid][0];
      if (tm <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function pose(frames, t) {
    var i = lastAtOrBefore(frames, t);
    if (i < 0) { return frames[0]; }
    if (i >= frames.length - 1) { return frames[frames.length - 1]; }
    var a = frames[i], b = frames[i + 1];
    var k = (t - a[0]) / Math.max(1, b[0] - a[0]);
    var dh = ((b[3] - a[3] + 540) % 360) - 180;
    return [t, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k, a[3] + dh * k];
  }

  function fmtTime(us) { return (us / 1e6).toFixed(2) + " s"; }

  function describeValue(ev) {
    if (ev.kind === "duty") { return Math.round(ev.value / 655.35) + "%"; }
    if (typeof ev.value === "object") { return ev.kind; }
    return String(ev.value);
  }

  function mount(root, data) {
    var lang = TEXT[data.lang] ? data.lang : "it";
    var T = TEXT[lang];
    var duration = Math.max(1, data.duration_us || 1);
    var robot = data.robot || null;
    var svg = root.querySelector("svg.ofr-world");
    var marker = svg ? svg.querySelector("g.ofr-robot") : null;
    var world = robot && robot.world;
    var events = (data.events || []).filter(function (e) {
      return /^(pin|pwm|display|neopixel|servo|buzzer|music)/.test(e.source);
    });

    var bar = el("div", "ofr-controls");
    var play = el("button", "ofr-play", T.play);
    play.type = "button";
    var scrub = el("input", "ofr-scrub");
    scrub.type = "range"; scrub.min = "0"; scrub.max = String(duration); scrub.step = "1000";
    scrub.value = "0";
    scrub.setAttribute("aria-label", T.time);
    var clock = el("output", "ofr-clock", fmtTime(0));
    var speed = el("select", "ofr-speed");
    speed.setAttribute("aria-label", T.speed);
    [1, 2, 4, 8].forEach(function (s) {
      var o = el("option", "", s + "×"); o.value = String(s); speed.appendChild(o);
    });
    bar.appendChild(play); bar.appendChild(scrub); bar.appendChild(clock); bar.appendChild(speed);
    root.appendChild(bar);

    var panel = el("div", "ofr-panel");
    var motorBars = null, alert = null;
    if (robot) {
      motorBars = [T.left, T.right].map(function (label) {
        var row = el("div", "ofr-motor");
        row.appendChild(el("span", "ofr-label", label));
        var track = el("span", "ofr-track"), fill = el("span", "ofr-fill");
        track.appendChild(fill); row.appendChild(track);
        var num = el("span", "ofr-num", "0%"); row.appendChild(num);
        panel.appendChild(row);
        return { fill: fill, num: num };
      });
      alert = el("div", "ofr-alert", T.collision);
      alert.hidden = true;
      panel.appendChild(alert);
    }
    var sources = {};
    events.forEach(function (e) { sources[e.source] = true; });
    var pinRows = {};
    var names = Object.keys(sources).sort().slice(0, 16);
    if (names.length) {
      panel.appendChild(el("div", "ofr-heading", T.pins));
      names.forEach(function (name) {
        var row = el("div", "ofr-pin");
        var dot = el("span", "ofr-dot");
        row.appendChild(dot);
        row.appendChild(el("span", "ofr-label", name));
        var val = el("span", "ofr-num", "-");
        row.appendChild(val);
        panel.appendChild(row);
        pinRows[name] = { dot: dot, val: val };
      });
    }
    root.appendChild(panel);

    var t = 0, playing = false, last = null;

    function drawRobot() {
      if (!robot || !marker || !world) { return; }
      var p = pose(robot.frames, t);
      var pad = parseFloat(marker.getAttribute("data-pad")) || 10;
      var h = world.size[1];
      var x = p[1] + pad, y = h - p[2] + pad + 14;
      marker.setAttribute("transform", "translate(" + x.toFixed(2) + " " + y.toFixed(2) +
                          ") rotate(" + (-p[3]).toFixed(1) + ")");
    }

    function drawMotors() {
      if (!motorBars) { return; }
      var i = lastAtOrBefore(robot.commands, t);
      var c = i < 0 ? [0, 0, 0] : robot.commands[i];
      [c[1], c[2]].forEach(function (v, k) {
        var pct = Math.round(v * 100);
        motorBars[k].fill.style.width = Math.abs(pct) / 2 + "%";
        motorBars[k].fill.style.left = (pct < 0 ? 50 - Math.abs(pct) / 2 : 50) + "%";
        motorBars[k].fill.className = "ofr-fill" + (pct < 0 ? " ofr-back" : "");
        motorBars[k].num.textContent = pct + "%";
      });
      var hit = (robot.collisions || []).some(function (c2) {
        return t >= c2[0] && t < c2[0] + 600000;
      });
      alert.hidden = !hit;
    }

    function drawPins() {
      var upto = lastAtOrBefore(events, t, "t_us");
      var state = {};
      for (var i = 0; i <= upto; i++) { state[events[i].source] = events[i]; }
      names.forEach(function (name) {
        var ev = state[name];
        var on = ev && (ev.kind === "value" ? ev.value === 1 :
                        ev.kind === "duty" ? ev.value > 0 : ev.kind !== "deinit");
        pinRows[name].dot.className = "ofr-dot" + (on ? " ofr-on" : "");
        pinRows[name].val.textContent = ev ? describeValue(ev) : "-";
      });
    }

    function draw() {
      scrub.value = String(Math.round(t));
      clock.textContent = fmtTime(t) + " / " + fmtTime(duration);
      drawRobot(); drawMotors(); drawPins();
    }

    function tick(now) {
      if (!playing) { return; }
      if (last !== null) { t += (now - last) * 1000 * parseFloat(speed.value); }
      last = now;
      if (t >= duration) { t = duration; setPlaying(false); }
      draw();
      if (playing) { window.requestAnimationFrame(tick); }
    }

    function setPlaying(on) {
      playing = on;
      play.textContent = on ? T.pause : T.play;
      play.setAttribute("aria-pressed", on ? "true" : "false");
      last = null;
      if (on) {
        if (t >= duration) { t = 0; }
        window.requestAnimationFrame(tick);
      }
    }

    play.addEventListener("click", function () { setPlaying(!playing); });
    scrub.addEventListener("input", function () { t = parseFloat(scrub.value) || 0; draw(); });
    t = 0;
    draw();
    return { play: function () { setPlaying(true); }, pause: function () { setPlaying(false); },
             seek: function (us) { t = Math.max(0, Math.min(duration, us)); draw(); },
             time: function () { return t; } };
  }

  function mountAll() {
    var nodes = document.querySelectorAll("[data-officina-replay]");
    Array.prototype.forEach.call(nodes, function (node) {
      if (node.getAttribute("data-ofr-mounted")) { return; }
      var src = document.getElementById(node.getAttribute("data-officina-replay"));
      if (!src) { return; }
      node.setAttribute("data-ofr-mounted", "1");
      node.officinaReplay = mount(node, JSON.parse(src.textContent));
    });
  }

  window.OfficinaReplay = { mount: mount, mountAll: mountAll };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
}());
