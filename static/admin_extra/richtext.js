// The admin's rich text editor: django-prose-editor with exactly the features
// the server's allow-list keeps (commission/richtext.py). Loaded as a module
// from a file, with the editor imported by its address: no inline import map,
// so the Content-Security-Policy stays strict. Text pasted from Word keeps its
// paragraphs, headings, lists, links, bold and italic; the rest is dropped by
// the editor's schema and again by the server.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
  initializeEditors,
} from "../django_prose_editor/editor.js";

const SELECTOR = "textarea[data-richtext]";

const EXTENSIONS = [
  Document,
  Dropcursor,
  Gapcursor,
  Paragraph,
  HardBreak,
  Text,
  History,
  Menu,
  Heading.configure({ levels: [2, 3, 4] }),
  Bold,
  Italic,
  BulletList,
  OrderedList,
  ListItem,
  Blockquote,
  Link,
];

// As django-prose-editor's createTextareaEditor, with one difference: the
// editor's own CSS is not injected as a <style> element (the CSP forbids it);
// django_prose_editor/editor.css, a file, carries the same rules.
function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = document.createElement("div");
  wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  return new Editor({
    element: wrapper,
    editable: !disabled,
    injectCSS: false,
    extensions: EXTENSIONS,
    content: textarea.value,
    onUpdate({ editor }) {
      const html = editor.getHTML();
      // An empty editor is an empty field, not "<p></p>".
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
}

initializeEditors(createEditor, SELECTOR);
