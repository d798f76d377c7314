// The code runner's editor: CodeMirror 6 with Python, bundled at build time by esbuild
// (hooks/code_runner.py) into javascripts/code-editor.js, a classic script that defines
// window.guideCodeEditor. This source is excluded from the site (mkdocs.yml, exclude_docs).
//
// Tab indents, as in any code editor. The keyboard is never trapped (WCAG 2.1.2): CodeMirror's
// own tab-focus mode lets Escape, then Tab, leave the editor, and the page says so beside it.
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentUnit, bracketMatching, syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
import { pythonLanguage } from "@codemirror/lang-python";

function create(parent, { doc, label, onChange }) {
  const view = new EditorView({
    parent,
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
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
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
