/*
 * Officina's lab editor: CodeMirror 6 with Python highlighting, line numbers, auto-indent and
 * Tab indenting (Escape then Tab leaves the editor, CodeMirror's documented way out; Ctrl-M
 * toggles Tab between indenting and moving focus). It replaces a <textarea> and keeps it in sync,
 * so the page's plain form still posts the program. Bundled with esbuild into
 * ../officina-editor.js (see ../build.mjs); the page script uses window.OfficinaEditor.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, defaultHighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { EditorSelection, EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration, EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers,
} from "@codemirror/view";
import { StyleModule } from "style-mod";

// Officina's Content-Security-Policy forbids inline <style> elements, which is how CodeMirror
// adds its own CSS to a document. Constructed style sheets (document.adoptedStyleSheets) are not
// inline markup, so the editor's CSS goes there instead: style-mod already does this for shadow
// roots, and this stand-in for the document makes it take that path.
const documentStyleRoot = {
  ownerDocument: document,
  get adoptedStyleSheets() { return document.adoptedStyleSheets; },
  set adoptedStyleSheets(sheets) { document.adoptedStyleSheets = sheets; },
};
const mountStyles = StyleModule.mount;
StyleModule.mount = (root, modules, options) =>
  mountStyles.call(StyleModule, root === document ? documentStyleRoot : root, modules, options);

/** Can this browser show the editor under the policy? If not, the page keeps its textarea. */
function supported() {
  return "adoptedStyleSheets" in document && typeof window.CSSStyleSheet === "function";
}

const setErrorLine = StateEffect.define();

// The line the last run's error points at: a line decoration that disappears at the next edit.
const errorLineField = StateField.define({
  create() { return Decoration.none; },
  update(decorations, transaction) {
    if (transaction.docChanged) { decorations = Decoration.none; }
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLine)) { continue; }
      if (effect.value === null) { decorations = Decoration.none; continue; }
      const line = transaction.state.doc.line(effect.value);
      decorations = Decoration.set([Decoration.line({ class: "cm-error-line", attributes: { "data-error-line": "true" } }).range(line.from)]);
    }
    return decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

// Colours and sizes live in static/css/workspace.css, so they change without a rebuild.

function clampLine(view, line) {
  const count = view.state.doc.lines;
  return Math.max(1, Math.min(count, Number(line) || 1));
}

/**
 * Replace ``textarea`` with an editor. ``options``: label (accessible name), describedBy (ids of
 * the hint), onChange(code) called after each edit. Returns a small handle for the page script.
 */
function create(textarea, options = {}) {
  const onChange = options.onChange || (() => {});
  const contentAttributes = { "aria-label": options.label || "Python", "aria-multiline": "true" };
  if (options.describedBy) { contentAttributes["aria-describedby"] = options.describedBy; }
  const view = new EditorView({
    parent: textarea.parentNode,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), history(), drawSelection(), indentOnInput(), bracketMatching(),
        highlightActiveLine(), syntaxHighlighting(defaultHighlightStyle, { fallback: true }), python(),
        indentUnit.of("    "), EditorState.tabSize.of(4), errorLineField,
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of(contentAttributes),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) { return; }
          textarea.value = update.state.doc.toString();
          onChange(textarea.value);
        }),
      ],
    }),
  });
  textarea.parentNode.insertBefore(view.dom, textarea.nextSibling);
  textarea.hidden = true;
  textarea.setAttribute("aria-hidden", "true");
  textarea.tabIndex = -1;
  // A <label for=textarea> now focuses the editor.
  const label = textarea.id && document.querySelector(`label[for="${textarea.id}"]`);
  if (label) { label.addEventListener("click", (event) => { event.preventDefault(); view.focus(); }); }

  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
      textarea.value = code;
    },
    focus: () => view.focus(),
    /** Mark ``line`` as the error's line (null clears); ``announcement`` is read by screen readers. */
    highlightLine(line, announcement) {
      const effects = [setErrorLine.of(line === null ? null : clampLine(view, line))];
      if (announcement) { effects.push(EditorView.announce.of(announcement)); }
      view.dispatch({ effects });
    },
    /** Put the cursor at the start of ``line``, scroll to it and focus the editor. */
    goToLine(line) {
      const target = view.state.doc.line(clampLine(view, line));
      view.dispatch({ selection: EditorSelection.cursor(target.from + (target.text.length - target.text.trimStart().length)),
                      effects: EditorView.scrollIntoView(target.from, { y: "center" }) });
      view.focus();
    },
  };
}

window.OfficinaEditor = { create, supported };
