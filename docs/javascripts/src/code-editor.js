// The code runner's editor: CodeMirror 6 with Python, bundled at build time by esbuild
// (hooks/code_runner.py) into javascripts/code-editor.js, a classic script that defines
// window.guideCodeEditor. This source is excluded from the site (mkdocs.yml, exclude_docs).
//
// Tab indents, as in any code editor. The keyboard is never trapped (WCAG 2.1.2): CodeMirror's
// own tab-focus mode lets Escape, then Tab, leave the editor, and the page says so beside it.
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentUnit, bracketMatching, syntaxHighlighting, HighlightStyle } from "@codemirror/language";
import { pythonLanguage } from "@codemirror/lang-python";
import { tags as t } from "@lezer/highlight";

// Colors from Material's own code highlighting variables, so both palettes keep their contrast.
const v = (name) => `var(--md-code-hl-${name}-color)`;
const guideHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword, t.self, t.bool, t.null], color: v("keyword") },
  { tag: [t.string, t.special(t.string)], color: v("string") },
  { tag: [t.number], color: v("number") },
  { tag: [t.comment, t.lineComment], color: v("comment") },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className), t.function(t.variableName)], color: v("function") },
  { tag: [t.className, t.typeName], color: v("constant") },
  { tag: [t.operator, t.punctuation, t.paren, t.squareBracket, t.brace], color: v("punctuation") },
]);

// The editor's frame in Material's code colors: light and dark follow the reader's palette.
const guideTheme = EditorView.theme({
  "&": { color: "var(--md-code-fg-color)", backgroundColor: "var(--md-code-bg-color)", fontSize: "0.85em" },
  ".cm-scroller": { fontFamily: "var(--md-code-font-family)", lineHeight: "1.5", minHeight: "12em", maxHeight: "70vh" },
  ".cm-content": { caretColor: "var(--md-code-fg-color)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--md-code-fg-color)" },
  ".cm-gutters": { backgroundColor: "var(--md-code-bg-color)", color: "var(--md-default-fg-color--light)", border: "none" },
  ".cm-activeLine": { backgroundColor: "var(--md-code-hl-color--light)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--md-accent-fg-color--transparent)" },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: "var(--md-accent-fg-color--transparent)", outline: "1px solid var(--md-accent-fg-color)" },
  "&.cm-focused": { outline: "2px solid var(--md-accent-fg-color)", outlineOffset: "2px" },
});

// The editor lives in a shadow root: there CodeMirror's own styles go into a constructed style sheet,
// which the site's Content Security Policy allows, instead of a <style> element, which it blocks
// (no 'unsafe-inline'). Material's CSS variables still reach it, as custom properties inherit.
function create(parent, { doc, label, onChange }) {
  const shadow = parent.shadowRoot || parent.attachShadow({ mode: "open" });
  const mount = document.createElement("div");
  shadow.replaceChildren(mount);
  const view = new EditorView({
    parent: mount,
    root: shadow,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        pythonLanguage,
        syntaxHighlighting(guideHighlight),
        guideTheme,
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && onChange) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    get value() {
      return view.state.doc.toString();
    },
    set value(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
    },
    view,
  };
}

window.guideCodeEditor = { create };
