/*
 * The lab workspace, as progressive enhancement of the lab page's plain form (which keeps working
 * without scripts): the code editor (static/editor/officina-editor.js) in place of the textarea,
 * Run without reloading (POST .../run, JSON), the error's line highlighted, and for students
 * drafts saved as they type (server, and this computer's localStorage while the server cannot be
 * reached), Submit with one idempotency key per content, and "Download main.py".
 * No build step: plain browser JavaScript.
 */
(function () {
  "use strict";

  var AUTOSAVE_DELAY_MS = 1500;

  function start() {
    var section = document.getElementById("workspace");
    var form = document.getElementById("workspace-form");
    var textarea = form && form.querySelector("textarea[name=code]");
    if (!section || !form || !textarea) { return; }
    var strings = JSON.parse(document.getElementById("workspace-strings").textContent);
    var progress = document.getElementById("workspace-progress");
    var draftStatus = document.getElementById("workspace-draft-status");
    var results = document.getElementById("workspace-results");
    var csrfInput = form.querySelector("input[name=csrf_token]");
    var csrfToken = csrfInput ? csrfInput.value : "";
    var isStudent = Boolean(section.dataset.draftUrl);
    var busy = false;
    var editor = null;
    var drafts = isStudent ? makeDrafts() : null;

    // --- the editor ---------------------------------------------------------------------------
    var hint = document.getElementById("code-keys-hint");
    if (window.OfficinaEditor && window.OfficinaEditor.supported()) {
      if (hint && hint.dataset.editorHint) { hint.textContent = hint.dataset.editorHint; }
      editor = window.OfficinaEditor.create(textarea, {
        label: strings.editorLabel, describedBy: textarea.getAttribute("aria-describedby"),
        onChange: function (code) { if (drafts) { drafts.changed(code); } },
      });
    } else {
      textarea.addEventListener("input", function () { if (drafts) { drafts.changed(textarea.value); } });
    }
    function code() { return editor ? editor.getValue() : textarea.value; }
    function setCode(value) { if (editor) { editor.setValue(value); } else { textarea.value = value; } }
    function board() { var field = form.elements.board; return field ? field.value : null; }

    // --- download main.py ---------------------------------------------------------------------
    var download = form.querySelector("[data-action=download]");
    download.hidden = false;
    download.addEventListener("click", function () {
      var url = URL.createObjectURL(new Blob([code()], { type: "text/x-python" }));
      var link = document.createElement("a");
      link.href = url;
      link.download = strings.downloadName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });

    // --- run and submit without reloading -----------------------------------------------------
    form.addEventListener("submit", function (event) {
      var action = event.submitter && event.submitter.dataset.action;
      if (action !== "run" && action !== "submit") { return; }
      event.preventDefault();
      if (busy) { return; }
      if (action === "run") { send(section.dataset.runUrl, strings.running); } else { submit(); }
    });
    if (board() !== null && form.elements.board.tagName === "SELECT") {
      form.elements.board.addEventListener("change", function () { if (drafts) { drafts.changed(code()); } });
    }

    function submit() {
      form.elements.idempotency_key.value = drafts.submissionKey(code(), board());
      if (drafts) { drafts.flush(); }
      send(section.dataset.submitUrl, strings.submitting);
    }

    function send(url, runningText) {
      busy = true;
      textarea.value = code();
      var body = new FormData(form);
      setProgress(runningText, true);
      results.setAttribute("aria-busy", "true");
      if (editor) { editor.highlightLine(null); }
      fetch(url, { method: "POST", body: body, credentials: "same-origin",
                   headers: { "Accept": "application/json", "X-CSRFToken": csrfToken } })
        .then(function (response) {
          var type = response.headers.get("Content-Type") || "";
          if (type.indexOf("application/json") === -1) { return { message: strings.expired }; }
          return response.json();
        })
        .then(showOutcome, function () { showOutcome({ message: strings.networkError }); });
    }

    function showOutcome(data) {
      busy = false;
      results.removeAttribute("aria-busy");
      if (data.html) {
        results.innerHTML = data.html;
        if (window.OfficinaReplay) { window.OfficinaReplay.mountAll(); }
        Array.prototype.forEach.call(results.querySelectorAll("[data-goto-line]"), function (button) {
          button.parentNode.hidden = !editor;
          button.addEventListener("click", function () { editor.goToLine(Number(button.dataset.gotoLine)); });
        });
      } else {
        results.innerHTML = "";
        var alert = document.createElement("div");
        alert.className = "callout callout-attenzione workspace-alert";
        alert.setAttribute("role", "alert");
        var text = document.createElement("p");
        text.textContent = data.message || strings.networkError;
        alert.appendChild(text);
        results.appendChild(alert);
      }
      if (data.history_html) {
        var history = document.getElementById("workspace-attempts");
        if (history) { history.outerHTML = data.history_html; }
      }
      setProgress(data.html ? data.message || "" : "", false);
      if (editor && data.error_line) {
        editor.highlightLine(data.error_line, strings.lineHighlighted.replace("{n}", data.error_line));
      }
    }

    function setProgress(text, running) {
      progress.textContent = text;
      progress.classList.toggle("is-busy", running);
    }

    // --- drafts (students) ----------------------------------------------------------------------
    function makeDrafts() {
      var storageKey = "officina.draft." + section.dataset.user + "." + section.dataset.lab;
      var keysKey = "officina.submitkey." + section.dataset.user + "." + section.dataset.lab;
      var serverSavedAt = section.dataset.draftSavedAt || "";
      var timer = null;
      var pending = false;

      function readLocal(key) {
        try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { return null; }
      }
      function writeLocal(key, value) {
        try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (error) { /* private mode: server only */ }
      }
      function forgetLocal(key) {
        try { window.localStorage.removeItem(key); } catch (error) { /* nothing kept */ }
      }
      // data-state (saved, local, restored, refused) is for styles and tests; the text is for people.
      function status(state, text) {
        if (!draftStatus) { return; }
        draftStatus.dataset.state = state;
        if (draftStatus.textContent !== text) { draftStatus.textContent = text; }
      }

      function save(keepalive) {
        clearTimeout(timer);
        timer = null;
        if (!pending) { return; }
        var sent = { code: code(), board: board() };
        fetch(section.dataset.draftUrl, {
          method: "PUT", credentials: "same-origin", keepalive: Boolean(keepalive) && sent.code.length < 60000,
          headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken },
          body: JSON.stringify(sent),
        }).then(function (response) {
          if (response.ok) {
            return response.json().then(function (data) {
              serverSavedAt = section.dataset.draftSavedAt = data.saved_at;
              if (sent.code === code() && sent.board === board()) {
                pending = false;
                forgetLocal(storageKey);  // the server has it: nothing of this student stays on a shared computer
              }
              status("saved", strings.saved);
            });
          }
          status("refused", response.status === 400 ? strings.tooLong : strings.expired);
          return null;
        }).catch(function () { status("local", strings.savedLocal); });
      }

      function changed(value) {
        pending = true;
        writeLocal(storageKey, { code: value, board: board(), base: serverSavedAt, at: Date.now() });
        clearTimeout(timer);
        timer = setTimeout(save, AUTOSAVE_DELAY_MS);
      }

      // A copy left here by a save the server never received is newer than the page's draft
      // when it was made from it (same base) or after it.
      var local = readLocal(storageKey);
      if (local && typeof local.code === "string") {
        var newer = local.base === serverSavedAt || !serverSavedAt || local.at > Date.parse(serverSavedAt);
        if (newer && local.code !== textarea.value) {
          textarea.value = local.code;
          if (local.board && form.elements.board && form.elements.board.tagName === "SELECT") {
            form.elements.board.value = local.board;
          }
          pending = true;
          status("restored", strings.restored);
          setTimeout(save, 0);
        } else {
          forgetLocal(storageKey);
        }
      }

      window.addEventListener("online", function () { if (pending) { save(); } });
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") { save(true); }
      });
      window.addEventListener("pagehide", function () { save(true); });

      return {
        changed: changed,
        flush: function () { if (pending) { save(); } },
        /* One key per content, shared by this student's tabs: the same program submitted twice
           (double click, another tab, a retry) is one attempt; a change makes a new key. */
        submissionKey: function (value, boardValue) {
          var fingerprint = fingerprintOf(boardValue + "\n" + value);
          var known = readLocal(keysKey);
          if (known && known.fingerprint === fingerprint) { return known.key; }
          var key = newKey();
          writeLocal(keysKey, { fingerprint: fingerprint, key: key });
          return key;
        },
      };
    }
  }

  // A short hash (cyrb53), so the key's record on this computer does not keep the program itself.
  function fingerprintOf(text) {
    var h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(16) + ":" + (h1 >>> 0).toString(16) + ":" + text.length;
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);  // available on plain-HTTP school servers too
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
